import { JsonDecodeError, JsonEncodeError } from "../errors.js";
import type { AnyMessage, MessageType } from "../message.js";
import type { JsonValue } from "./json-value.js";
import type { ReadContext } from "./context.js";
import { expected } from "./scalar-read.js";
import { fraction } from "./wkt-time.js";
import { getTime, newTime } from "../wkt/time.js";
import { DURATION_MAX_SECONDS } from "../wkt/limits.js";

const DURATION = /^(-)?([0-9]{1,12})(?:\.([0-9]{1,9}))?s$/;

/** "1.5s", "-0.000000001s": seconds with up to 9 fractional digits, within ±10000 years. */
export function readDuration(type: MessageType, json: JsonValue, _ctx: ReadContext, path: string): AnyMessage {
  if (typeof json !== "string") throw expected("duration string like \"1.5s\"", json, path);
  const m = DURATION.exec(json);
  if (!m) throw new JsonDecodeError(`invalid duration ${JSON.stringify(json.slice(0, 60))}`, path);
  let seconds = BigInt(m[2]!);
  let nanos = m[3] ? Number(m[3].padEnd(9, "0")) : 0;
  if (seconds > DURATION_MAX_SECONDS) throw new JsonDecodeError(`duration ${JSON.stringify(json)} out of range`, path);
  if (m[1]) {
    seconds = -seconds;
    nanos = -nanos;
  }
  return newTime(type, seconds, nanos);
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
