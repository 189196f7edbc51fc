import type { Peer } from "../peer.js";
import { tsgrpc } from "../peers/tsgrpc.js";
import { canonicalJsonObject, canonicalJsonText, readBackJson } from "./protobuf-es.js";

export const tsgrpcJson: Peer = {
  ...tsgrpc,
  input: canonicalJsonText,
  decode: "T.fromJsonString(b)",
  encode: "m.toJsonString()",
  readBack: readBackJson,
  canonicalText: true,
};

export const tsgrpcJsonObjects: Peer = {
  ...tsgrpc,
  input: canonicalJsonObject,
  decode: "T.fromJson(b)",
  encode: "m.toJson()",
  readBack: readBackJson,
  canonicalText: true,
};
