import { fromBinary, fromJson, toJsonString, type JsonValue } from "@bufbuild/protobuf";
import type { Peer } from "../peer.js";
import { esSchema, protobufEs } from "./protobuf-es.js";

/**
 * The native reference: `JSON.stringify` / `JSON.parse` of the message's
 * proto3 JSON. It only moves text (no base64, int64 or enum mapping), so it is
 * the speed a schema-less JavaScript service gets for free.
 */
export const nativeJson: Peer = {
  name: "JSON",
  lib: {},
  type: () => undefined,
  input: (typeName, reference) => toJsonString(esSchema(typeName), fromBinary(esSchema(typeName), reference)),
  decode: "JSON.parse(b)",
  encode: "JSON.stringify(m)",
  content: (typeName, decoded) => fromJson(esSchema(typeName), decoded as JsonValue),
  readBack: protobufEs.readBack,
};
