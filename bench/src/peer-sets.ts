import { jsonObjectPeers, jsonPeers } from "./json-peers/index.js";
import type { Peer } from "./peer.js";
import { peers } from "./peers/index.js";
import { textPeers } from "./text-peers/index.js";

/** The codec parts of the bench, each a set of peers measured on the same messages. */
export const peerSets = {
  binary: peers,
  json: jsonPeers,
  "json-objects": jsonObjectPeers,
  text: textPeers,
} satisfies Record<string, readonly Peer[]>;

export type PeerSetName = keyof typeof peerSets;
