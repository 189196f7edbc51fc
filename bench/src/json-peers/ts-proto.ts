import type { Peer } from "../peer.js";
import { tsProto } from "../peers/ts-proto.js";
import { canonicalJsonObject, canonicalJsonText, readBackJson } from "./protobuf-es.js";

/**
 * ts-proto's `toJSON` / `fromJSON` map plain objects; text goes through
 * `JSON.stringify` / `JSON.parse`, as its users write it. Its reader is
 * lenient (no duplicate-key, range or unknown-field checks), so it is the
 * speed users compare with, not an equal amount of work.
 */
export const tsProtoJson: Peer = {
  ...tsProto,
  input: canonicalJsonText,
  decode: "T.fromJSON(JSON.parse(b))",
  encode: "JSON.stringify(T.toJSON(m))",
  readBack: readBackJson,
};

export const tsProtoJsonObjects: Peer = {
  ...tsProto,
  input: canonicalJsonObject,
  decode: "T.fromJSON(b)",
  encode: "T.toJSON(m)",
  readBack: readBackJson,
};
