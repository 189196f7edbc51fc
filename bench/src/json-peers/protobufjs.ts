import type { Peer } from "../peer.js";
import { protobufJs } from "../peers/protobufjs.js";

/** protobuf.js's closest to ProtoJSON: 64-bit integers, enums and bytes as strings. */
const options = { longs: String, enums: String, bytes: String };

interface Static {
  decode(b: Uint8Array): object;
  toObject(m: object, o: typeof options): object;
  fromObject(o: object): object;
}

/**
 * protobuf.js `toObject` / `fromObject` (static code). Its object form is
 * not ProtoJSON (a Timestamp stays `{seconds, nanos}`), so its input is its
 * own `toObject` of the reference message, and what it writes is checked by
 * reading it back with its own `fromObject`.
 */
function peer(text: boolean): Peer {
  const own = (typeName: string, reference: Uint8Array) => {
    const T = protobufJs.type(typeName) as Static;
    return T.toObject(T.decode(reference), options);
  };
  return {
    ...protobufJs,
    lib: { options },
    input: text ? (typeName, reference) => JSON.stringify(own(typeName, reference)) : own,
    decode: text ? "T.fromObject(JSON.parse(b))" : "T.fromObject(b)",
    encode: text ? "JSON.stringify(T.toObject(m, lib.options))" : "T.toObject(m, lib.options)",
    readBack: (typeName, encoded) => (protobufJs.type(typeName) as Static).fromObject(text ? (JSON.parse(encoded as string) as object) : (encoded as object)),
  };
}

export const protobufJsJson = peer(true);
export const protobufJsJsonObjects = peer(false);
