import { fromBinary, fromJson, fromJsonString, toJson, toJsonString, type JsonValue } from "@bufbuild/protobuf";
import type { Peer } from "../peer.js";
import { esSchema, protobufEs } from "../peers/protobuf-es.js";

/** The message of the reference bytes, decoded by the reference codec. */
function esMessage(typeName: string, reference: Uint8Array) {
  return fromBinary(esSchema(typeName), reference);
}

/** Canonical ProtoJSON text of the reference bytes: the input of every peer that reads canonical JSON. */
export function canonicalJsonText(typeName: string, reference: Uint8Array): string {
  return toJsonString(esSchema(typeName), esMessage(typeName, reference));
}

/** Canonical ProtoJSON object of the reference bytes. */
export function canonicalJsonObject(typeName: string, reference: Uint8Array): JsonValue {
  return toJson(esSchema(typeName), esMessage(typeName, reference));
}

/**
 * Reads what a peer wrote with protobuf-es's strict ProtoJSON reader, so a
 * peer whose output is not valid ProtoJSON stops the bench before timing.
 */
export function readBackJson(typeName: string, encoded: unknown): unknown {
  return typeof encoded === "string" ? fromJsonString(esSchema(typeName), encoded) : fromJson(esSchema(typeName), encoded as JsonValue);
}

export const protobufEsJson: Peer = {
  ...protobufEs,
  lib: { toJsonString, fromJsonString },
  input: canonicalJsonText,
  decode: "lib.fromJsonString(T, b)",
  encode: "lib.toJsonString(T, m)",
  readBack: readBackJson,
};

export const protobufEsJsonObjects: Peer = {
  ...protobufEs,
  lib: { toJson, fromJson },
  input: canonicalJsonObject,
  decode: "lib.fromJson(T, b)",
  encode: "lib.toJson(T, m)",
  readBack: readBackJson,
};
