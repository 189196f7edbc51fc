/** Comparisons of `google.protobuf.Timestamp` / `Duration` values (seconds and nanos, seconds possibly a decimal string). */
export interface TimeLike {
  seconds: bigint | string;
  nanos: number;
}

/** Sign of `t - (seconds, nanos)`. */
export function compareTime(t: TimeLike, seconds: bigint, nanos: number): number {
  const s = BigInt(t.seconds);
  return s !== seconds ? (s < seconds ? -1 : 1) : Math.sign(t.nanos - nanos);
}

/** Sign of `t - now`. */
export function compareNow(t: TimeLike): number {
  const [s, n] = now();
  return compareTime(t, s, n);
}

/** Whether `t` lies within `now ± (seconds, nanos)`. */
export function isWithinOfNow(t: TimeLike, seconds: bigint, nanos: number): boolean {
  const [s, n] = now();
  const ns = (BigInt(t.seconds) - s) * 1_000_000_000n + BigInt(t.nanos - n);
  const w = seconds * 1_000_000_000n + BigInt(nanos);
  return ns >= -w && ns <= w;
}

function now(): [bigint, number] {
  const ms = Date.now();
  return [BigInt(Math.floor(ms / 1000)), (ms % 1000) * 1_000_000];
}
