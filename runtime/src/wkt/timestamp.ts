import type { Message, MessageType } from "../message.js";
import { getTime, newTime } from "./time.js";

/** `Timestamp.fromDate(date)`: millisecond precision, as a Date holds. */
export function timestampFromDate<T extends Message<T>>(type: MessageType<T>, date: Date): T {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Timestamp.fromDate: invalid Date");
  const seconds = Math.floor(ms / 1000);
  return newTime(type, BigInt(seconds), (ms - seconds * 1000) * 1_000_000) as unknown as T;
}

/** `timestamp.toDate()`: nanoseconds below a millisecond are dropped (rounded down). */
export function timestampToDate(timestamp: Message<any>): Date {
  const { seconds, nanos } = getTime(timestamp);
  return new Date(Number(seconds) * 1000 + Math.floor(nanos / 1_000_000));
}
