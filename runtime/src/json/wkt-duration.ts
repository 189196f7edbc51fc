import { JsonDecodeError, JsonEncodeError } from "../errors.js";
import type { AnyMessage, MessageType } from "../message.js";
import type { JsonValue } from "./json-value.js";
import type { ReadContext } from "./context.js";
import { expected } from "./scalar-read.js";
import { digitsAt, fraction, nanosAt } from "./wkt-time.js";
import { getTime, newTime } from "../wkt/time.js";
import { DURATION_MAX_SECONDS } from "../wkt/limits.js";

/** "1.5s", "-0.000000001s": seconds with up to 9 fractional digits, within ±10000 years. */
export function readDuration(type: MessageType, json: JsonValue, _ctx: ReadContext, path: string): AnyMessage {
  if (typeof json !== "string") throw expected('duration string like "1.5s"', json, path);
  const d = parseDuration(json);
  if (d === undefined) throw new JsonDecodeError(`invalid duration ${JSON.stringify(json.slice(0, 60))}`, path);
  const [seconds, nanos] = d;
  if (seconds > DURATION_MAX_SECONDS || seconds < -DURATION_MAX_SECONDS) {
    throw new JsonDecodeError(`duration ${JSON.stringify(json)} out of range`, path);
  }
  return newTime(type, seconds, nanos);
}

/** [seconds, nanos] (same sign) of "-?D+(.F{1,9})?s" with at most 12 integer digits, or undefined. */
function parseDuration(s: string): [bigint, number] | undefined {
  const neg = s.charCodeAt(0) === 45; /* - */
  let i = neg ? 1 : 0;
  const start = i;
  while (i < s.length && i - start <= 12 && digitsAt(s, i, 1) >= 0) i++;
  const n = i - start;
  if (n < 1 || n > 12) return undefined;
  const frac = nanosAt(s, i);
  if (!frac || frac[1] !== s.length - 1 || s[frac[1]] !== "s") return undefined;
  const seconds = BigInt(digitsAt(s, start, n));
  return neg ? [-seconds, -frac[0]] : [seconds, frac[0]];
}

export function writeDuration(msg: AnyMessage): JsonValue {
  const { seconds, nanos } = getTime(msg);
  if (seconds > DURATION_MAX_SECONDS || seconds < -DURATION_MAX_SECONDS) {
    throw new JsonEncodeError(`Duration seconds ${seconds} out of range ±${DURATION_MAX_SECONDS}`);
  }
  if (!Number.isInteger(nanos) || nanos < -999_999_999 || nanos > 999_999_999) {
    throw new JsonEncodeError(`Duration nanos ${nanos} out of range`);
  }
  if ((seconds > 0n && nanos < 0) || (seconds < 0n && nanos > 0)) {
    throw new JsonEncodeError(`Duration seconds ${seconds} and nanos ${nanos} differ in sign`);
  }
  const sign = seconds < 0n || nanos < 0 ? "-" : "";
  const abs = seconds < 0n ? -seconds : seconds;
  return `${sign}${abs}${fraction(Math.abs(nanos))}s`;
}
