import type { Peer } from "../peer.js";
import { nativeJson } from "../peers/json.js";
import { protobufEsJson, protobufEsJsonObjects } from "./protobuf-es.js";
import { protobufJsJson, protobufJsJsonObjects } from "./protobufjs.js";
import { tsProtoJson, tsProtoJsonObjects } from "./ts-proto.js";
import { tsgrpcJson, tsgrpcJsonObjects } from "./tsgrpc.js";

/**
 * ProtoJSON as text: encode is message → JSON text, decode is JSON text →
 * message (`JSON.stringify` / `JSON.parse` included for peers that only map
 * objects). The first is the subject whose ratios are printed.
 */
export const jsonPeers: readonly Peer[] = [tsgrpcJson, protobufEsJson, tsProtoJson, protobufJsJson, nativeJson];

/** ProtoJSON as parsed objects (no text): what a framework that parses or stringifies itself calls. */
export const jsonObjectPeers: readonly Peer[] = [tsgrpcJsonObjects, protobufEsJsonObjects, tsProtoJsonObjects, protobufJsJsonObjects];
