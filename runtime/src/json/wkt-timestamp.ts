import { JsonDecodeError, JsonEncodeError } from "../errors.js";
import type { AnyMessage, MessageType } from "../message.js";
import type { JsonValue } from "./json-value.js";
import type { ReadContext } from "./context.js";
import { expected } from "./scalar-read.js";
import { fraction } from "./wkt-time.js";
import { getTime, newTime } from "../wkt/time.js";
import { TIMESTAMP_MAX_SECONDS, TIMESTAMP_MIN_SECONDS } from "../wkt/limits.js";

const RFC3339 = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?(Z|([+-])([0-9]{2}):([0-9]{2}))$/;

/** RFC 3339 with an upper-case T and Z (or an offset), 0001-01-01 to 9999-12-31. */
export function readTimestamp(type: MessageType, json: JsonValue, _ctx: ReadContext, path: string): AnyMessage {
  if (typeof json !== "string") throw expected("RFC 3339 timestamp string", json, path);
  const m = RFC3339.exec(json);
  if (!m) throw new JsonDecodeError(`invalid RFC 3339 timestamp ${JSON.stringify(json.slice(0, 60))}`, path);
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  const date = new Date(0);
  date.setUTCFullYear(y!, mo! - 1, d!);
  if (mo! < 1 || mo! > 12 || date.getUTCDate() !== d || h! > 23 || mi! > 59 || s! > 59) {
    throw new JsonDecodeError(`invalid date or time in timestamp ${JSON.stringify(json)}`, path);
  }
  let seconds = BigInt(date.getTime() / 1000 + h! * 3600 + mi! * 60 + s!);
  if (m[9]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) throw new JsonDecodeError(`invalid offset in timestamp ${JSON.stringify(json)}`, path);
    const offset = BigInt(oh * 3600 + om * 60);
    seconds = m[9] === "+" ? seconds - offset : seconds + offset;
  }
  if (seconds < TIMESTAMP_MIN_SECONDS || seconds > TIMESTAMP_MAX_SECONDS) {
    throw new JsonDecodeError(`timestamp ${JSON.stringify(json)} out of range 0001-01-01 to 9999-12-31`, path);
  }
  const nanos = m[7] ? Number(m[7].padEnd(9, "0")) : 0;
  return newTime(type, seconds, nanos);
}

export function writeTimestamp(msg: AnyMessage): JsonValue {
  const { seconds, nanos } = getTime(msg);
  if (seconds < TIMESTAMP_MIN_SECONDS || seconds > TIMESTAMP_MAX_SECONDS) {
    throw new JsonEncodeError(`Timestamp seconds ${seconds} out of range 0001-01-01 to 9999-12-31`);
  }
  if (!Number.isInteger(nanos) || nanos < 0 || nanos > 999_999_999) {
    throw new JsonEncodeError(`Timestamp nanos ${nanos} out of range [0, 999999999]`);
  }
  return new Date(Number(seconds) * 1000).toISOString().slice(0, 19) + fraction(nanos) + "Z";
}
