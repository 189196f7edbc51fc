import type { Peer } from "../peer.js";
import { protobufEs } from "./protobuf-es.js";

/**
 * A peer whose generated code exposes, per message, an object with
 * `encode(m).finish()` and `decode(bytes)`: ts-proto and protobuf.js static
 * code share that shape. `types` maps a message's short name to that object.
 */
export function encodeDecodePeer(name: string, types: Readonly<Record<string, unknown>>): Peer {
  return {
    name,
    lib: {},
    type(typeName) {
      const t = types[typeName.replace(/^bench\.v1\./, "")];
      if (!t) throw new Error(`${name}: no generated message ${typeName}`);
      return t;
    },
    input: (_typeName, reference) => reference,
    decode: "T.decode(b)",
    encode: "T.encode(m).finish()",
    content: (_typeName, decoded) => decoded,
    readBack: protobufEs.readBack,
  };
}
