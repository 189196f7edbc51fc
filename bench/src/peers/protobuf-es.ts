import { createRegistry, fromBinary, fromJsonString, toBinary, type DescMessage } from "@bufbuild/protobuf";
import { file_bench_v1_user } from "../../gen/es/bench/v1/user_pb.js";
import { file_bench_v1_scalars } from "../../gen/es/bench/v1/scalars_pb.js";
import { file_bench_v1_collections } from "../../gen/es/bench/v1/collections_pb.js";
import { file_bench_v1_document } from "../../gen/es/bench/v1/document_pb.js";
import type { Peer } from "../peer.js";

const registry = createRegistry(file_bench_v1_user, file_bench_v1_scalars, file_bench_v1_collections, file_bench_v1_document);

/** protobuf-es v2 schema of a message; also the bench's conformant reference codec. */
export function esSchema(typeName: string): DescMessage {
  const schema = registry.getMessage(typeName);
  if (!schema) throw new Error(`protobuf-es: no generated message ${typeName}`);
  return schema;
}

export const protobufEs: Peer = {
  name: "protobuf-es",
  lib: { toBinary, fromBinary },
  type: esSchema,
  input: (_typeName, reference) => reference,
  decode: "lib.fromBinary(T, b)",
  encode: "lib.toBinary(T, m)",
  content: (_typeName, decoded) => decoded,
  readBack: (typeName, encoded) =>
    typeof encoded === "string" ? fromJsonString(esSchema(typeName), encoded) : fromBinary(esSchema(typeName), encoded as Uint8Array),
};
