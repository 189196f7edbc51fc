import { fromBinary } from "@bufbuild/protobuf";
import { fromText, toText } from "@bufbuild/protobuf/txtpb";
import type { Peer } from "../peer.js";
import { esSchema, protobufEs } from "../peers/protobuf-es.js";
import { tsgrpc } from "../peers/tsgrpc.js";

/** Text format of the reference bytes, as protobuf-es writes it: the input of both peers. */
function referenceText(typeName: string, reference: Uint8Array): string {
  return toText(esSchema(typeName), fromBinary(esSchema(typeName), reference));
}

/** Reads what a peer wrote with protobuf-es's text parser, so text it cannot read stops the bench before timing. */
function readBackText(typeName: string, encoded: unknown): unknown {
  return fromText(esSchema(typeName), encoded as string);
}

const tsgrpcText: Peer = {
  ...tsgrpc,
  input: referenceText,
  decode: "T.fromText(b)",
  encode: "m.toText()",
  readBack: readBackText,
};

const protobufEsText: Peer = {
  ...protobufEs,
  lib: { toText, fromText },
  input: referenceText,
  decode: "lib.fromText(T, b)",
  encode: "lib.toText(T, m)",
  readBack: readBackText,
};

/**
 * Protobuf text format: encode is message → text, decode is text → message.
 * protobuf-es (`@bufbuild/protobuf/txtpb`) is the one peer that has it.
 */
export const textPeers: readonly Peer[] = [tsgrpcText, protobufEsText];
