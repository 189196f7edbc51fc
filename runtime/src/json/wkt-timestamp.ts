import { JsonDecodeError, JsonEncodeError } from "../errors.js";
import type { AnyMessage, MessageType } from "../message.js";
import type { JsonValue } from "./json-value.js";
import type { ReadContext } from "./context.js";
import { expected } from "./scalar-read.js";
import { digitsAt, fraction, nanosAt } from "./wkt-time.js";
import { getTime, newTime } from "../wkt/time.js";
import { dateOfDays, daysSinceEpoch } from "./calendar.js";
import { TIMESTAMP_MAX_SECONDS, TIMESTAMP_MIN_SECONDS } from "../wkt/limits.js";

const MIN = Number(TIMESTAMP_MIN_SECONDS);
const MAX = Number(TIMESTAMP_MAX_SECONDS);
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** RFC 3339 with an upper-case T and Z (or an offset), 0001-01-01 to 9999-12-31, up to 9 fractional digits. */
export function readTimestamp(type: MessageType, json: JsonValue, _ctx: ReadContext, path: string): AnyMessage {
  if (typeof json !== "string") throw expected("RFC 3339 timestamp string", json, path);
  const t = parseRfc3339(json);
  if (t === undefined) throw new JsonDecodeError(`invalid RFC 3339 timestamp ${JSON.stringify(json.slice(0, 60))}`, path);
  if (t[0] < MIN || t[0] > MAX) {
    throw new JsonDecodeError(`timestamp ${JSON.stringify(json)} out of range 0001-01-01 to 9999-12-31`, path);
  }
  return newTime(type, BigInt(t[0]), t[1]);
}

/** [seconds since the epoch, nanos] of "YYYY-MM-DDTHH:MM:SS[.fffffffff](Z|±HH:MM)", or undefined. */
function parseRfc3339(s: string): [number, number] | undefined {
  if (s.length < 20 || s[4] !== "-" || s[7] !== "-" || s[10] !== "T" || s[13] !== ":" || s[16] !== ":") return undefined;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  const h = digitsAt(s, 11, 2);
  const mi = digitsAt(s, 14, 2);
  const sec = digitsAt(s, 17, 2);
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > MONTH_DAYS[mo - 1] + leap || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) {
    return undefined;
  }
  const frac = nanosAt(s, 19);
  if (!frac) return undefined;
  const [nanos, i] = frac;
  let seconds = daysSinceEpoch(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
  if (s[i] === "Z" && i === s.length - 1) return [seconds, nanos];
  const sign = s[i] === "+" ? -1 : s[i] === "-" ? 1 : 0;
  const oh = digitsAt(s, i + 1, 2);
  const om = digitsAt(s, i + 4, 2);
  if (sign === 0 || i + 6 !== s.length || s[i + 3] !== ":" || oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
  seconds += sign * (oh * 3600 + om * 60);
  return [seconds, nanos];
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
  const date = (y < 1000 ? String(y).padStart(4, "0") : String(y)) + "-" + TWO[mo] + "-" + TWO[d];
  return date + "T" + TWO[Math.floor(t / 3600)] + ":" + TWO[Math.floor(t / 60) % 60] + ":" + TWO[t % 60] + fraction(nanos) + "Z";
}

/** "00" to "99": two-digit fields without a conversion and a pad each. */
const TWO = /*@__PURE__*/ Array.from({ length: 100 }, (_, i) => (i < 10 ? "0" : "") + String(i));
