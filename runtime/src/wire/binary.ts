import type { Message, MessageType } from "../message.js";
import type { BinaryReadOptions, BinaryWriteOptions } from "../options.js";
import { BinaryReader } from "./reader.js";
import { BinaryWriter } from "./writer.js";

/** Decodes a whole buffer as one message of `type` (what `Type.fromBinary` does). */
export function readBinary<T extends Message<T>>(type: MessageType<T>, bytes: Uint8Array, options?: BinaryReadOptions): T {
  const r = new BinaryReader(bytes, options);
  const m = new type();
  m.$decode(r, r.len);
  return m;
}

/** Encodes a message (what `message.toBinary` does). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Message<any>: `this` of every Message<T> fits (T is invariant)
export function writeBinary(msg: Message<any>, options?: BinaryWriteOptions): Uint8Array {
  const w = BinaryWriter.onSlab(options);
  try {
    msg.$encode(w);
  } catch (error) {
    w.abandon();
    throw error;
  }
  return w.finish();
}
