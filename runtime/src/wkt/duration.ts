import type { Message, MessageType } from "../message.js";
import { getTime, newTime } from "./time.js";

/** `Duration.fromMs(ms)`: fractions of a millisecond are kept to the nanosecond. */
export function durationFromMs<T extends Message<T>>(type: MessageType<T>, ms: number): T {
  if (!Number.isFinite(ms)) throw new RangeError(`Duration.fromMs: ${ms} is not a finite number`);
  const seconds = Math.trunc(ms / 1000);
  const nanos = Math.round((ms - seconds * 1000) * 1_000_000);
  return newTime(type, BigInt(seconds), nanos) as unknown as T;
}

/** `duration.toMs()`: milliseconds, fractional below one. */
export function durationToMs(duration: Message<any>): number {
  const { seconds, nanos } = getTime(duration);
  return Number(seconds) * 1000 + nanos / 1_000_000;
}
