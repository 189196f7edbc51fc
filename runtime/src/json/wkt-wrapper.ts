import type { AnyMessage, MessageType } from "../message.js";
import type { JsonValue } from "./json-value.js";
import type { ReadContext } from "./context.js";
import { readScalar } from "./scalar-read.js";
import { writeScalar } from "./scalar-write.js";
import { wktField } from "../wkt/field.js";

/** Wrappers (Int32Value, StringValue, ...) are written as their bare `value`, default included. */
export function readWrapper(type: MessageType, json: JsonValue, _ctx: ReadContext, path: string): AnyMessage {
  const f = wktField(type, 1, "scalar");
  const msg = new type();
  msg[f.localName] = readScalar(f.T, f.L, json, path);
  return msg;
}

export function writeWrapper(msg: AnyMessage): JsonValue {
  const f = wktField(msg.$type(), 1, "scalar");
  return writeScalar(f.T, msg[f.localName]);
}
