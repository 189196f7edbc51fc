import { JsonDecodeError, JsonEncodeError } from "../errors.js";
import type { AnyMessage, MessageType } from "../message.js";
import type { JsonValue } from "./json-value.js";
import type { ReadContext } from "./context.js";
import { expected } from "./scalar-read.js";
import { fraction } from "./wkt-time.js";
import { getTime, newTime } from "../wkt/time.js";
import { dateOfDays, daysSinceEpoch } from "./calendar.js";
import { TIMESTAMP_MAX_SECONDS, TIMESTAMP_MIN_SECONDS } from "../wkt/limits.js";

const RFC3339 = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?(Z|([+-])([0-9]{2}):([0-9]{2}))$/;

const MIN = Number(TIMESTAMP_MIN_SECONDS);
const MAX = Number(TIMESTAMP_MAX_SECONDS);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** RFC 3339 with an upper-case T and Z (or an offset), 0001-01-01 to 9999-12-31. */
export function readTimestamp(type: MessageType, json: JsonValue, _ctx: ReadContext, path: string): AnyMessage {
  if (typeof json !== "string") throw expected("RFC 3339 timestamp string", json, path);
  const m = RFC3339.exec(json);
  if (!m) throw new JsonDecodeError(`invalid RFC 3339 timestamp ${JSON.stringify(json.slice(0, 60))}`, path);
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  const h = +m[4]!;
  const mi = +m[5]!;
  const s = +m[6]!;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > MONTH_DAYS[mo - 1]! + leap || h > 23 || mi > 59 || s > 59) {
    throw new JsonDecodeError(`invalid date or time in timestamp ${JSON.stringify(json)}`, path);
  }
  let seconds = daysSinceEpoch(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
  if (m[9]) {
    const oh = +m[10]!;
    const om = +m[11]!;
    if (oh > 23 || om > 59) throw new JsonDecodeError(`invalid offset in timestamp ${JSON.stringify(json)}`, path);
    seconds += (m[9] === "+" ? -1 : 1) * (oh * 3600 + om * 60);
  }
  if (seconds < MIN || seconds > MAX) {
    throw new JsonDecodeError(`timestamp ${JSON.stringify(json)} out of range 0001-01-01 to 9999-12-31`, path);
  }
  const nanos = m[7] ? +m[7].padEnd(9, "0") : 0;
  return newTime(type, BigInt(seconds), nanos);
}

export function writeTimestamp(msg: AnyMessage): JsonValue {
  const { seconds, nanos } = getTime(msg);
  if (seconds < TIMESTAMP_MIN_SECONDS || seconds > TIMESTAMP_MAX_SECONDS) {
    throw new JsonEncodeError(`Timestamp seconds ${seconds} out of range 0001-01-01 to 9999-12-31`);
  }
  if (!Number.isInteger(nanos) || nanos < 0 || nanos > 999_999_999) {
    throw new JsonEncodeError(`Timestamp nanos ${nanos} out of range [0, 999999999]`);
  }
  const s = Number(seconds);
  const days = Math.floor(s / 86400);
  const t = s - days * 86400;
  const [y, mo, d] = dateOfDays(days);
  const time = `${pad(Math.floor(t / 3600))}:${pad(Math.floor(t / 60) % 60)}:${pad(t % 60)}`;
  return `${String(y).padStart(4, "0")}-${pad(mo)}-${pad(d)}T${time}${fraction(nanos)}Z`;
}

function pad(n: number): string {
  return n < 10 ? "0" + n : String(n);
}
