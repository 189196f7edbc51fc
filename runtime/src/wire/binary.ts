import type { Message, MessageType } from "../message.js";
import type { BinaryReadOptions, BinaryWriteOptions } from "../options.js";
import { BinaryEncodeError } from "../errors.js";
import { encodeErrorPath } from "./encode-error-path.js";
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
export function writeBinary(msg: Message<any>, options?: BinaryWriteOptions): Uint8Array {
  const w = BinaryWriter.onSlab(options);
  try {
    msg.$encode(w);
  } catch (error) {
    w.abandon();
    throw error instanceof BinaryEncodeError ? located(msg, error) : error;
  }
  return w.finish();
}

/** `error` naming the message type and the field path of the value that failed (`users.v1.User.tags[2]: ...`). */
function located(msg: Message<any>, error: BinaryEncodeError): BinaryEncodeError {
  if (error.path !== undefined) return error;
  const type = (msg.constructor as MessageType).typeName;
  const path = encodeErrorPath(msg);
  return new BinaryEncodeError(error.message, path === undefined ? type : `${type}.${path}`, { cause: error });
}
