import { LongType } from "../scalar.js";
import type { AnyMessage, Message, MessageType } from "../message.js";
import { wktField } from "./field.js";

/**
 * Seconds and nanos of a Timestamp or Duration (fields 1 and 2 of both), as
 * bigint and number whatever the generated long type.
 */
export function getTime(message: Message<any>): { seconds: bigint; nanos: number } {
  const msg = message as unknown as AnyMessage;
  // Fields 1 and 2 are the properties `seconds` and `nanos` of every generated class; only the long type varies.
  const seconds: unknown = msg["seconds"];
  const nanos: unknown = msg["nanos"];
  if (typeof seconds === "bigint" && typeof nanos === "number") return { seconds, nanos };
  const type = msg.$type();
  return {
    seconds: BigInt(msg[wktField(type, 1, "scalar").localName] as bigint | string),
    nanos: msg[wktField(type, 2, "scalar").localName] as number,
  };
}

/** A new Timestamp or Duration of `type`. */
export function newTime(type: MessageType, seconds: bigint, nanos: number): AnyMessage {
  const s = wktField(type, 1, "scalar");
  const msg = new type();
  msg[s.localName] = s.L === LongType.STRING ? seconds.toString() : seconds;
  msg[wktField(type, 2, "scalar").localName] = nanos;
  return msg;
}
