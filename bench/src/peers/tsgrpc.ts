import * as user from "../../gen/tsgrpc/bench/v1/user_pb.js";
import * as scalars from "../../gen/tsgrpc/bench/v1/scalars_pb.js";
import * as collections from "../../gen/tsgrpc/bench/v1/collections_pb.js";
import * as document from "../../gen/tsgrpc/bench/v1/document_pb.js";
import type { Peer } from "../peer.js";
import { protobufEs } from "./protobuf-es.js";

const classes: Record<string, unknown> = { ...user, ...scalars, ...collections, ...document };

/** tsgrpc: generated classes with specialised `$encode` / `$decode`. */
export const tsgrpc: Peer = {
  name: "tsgrpc",
  lib: {},
  type(typeName) {
    const t = classes[typeName.replace(/^bench\.v1\./, "")];
    if (!t) throw new Error(`tsgrpc: no generated message ${typeName}`);
    return t;
  },
  input: (_typeName, reference) => reference,
  decode: "T.fromBinary(b)",
  encode: "m.toBinary()",
  content: (_typeName, decoded) => decoded,
  readBack: protobufEs.readBack,
};
