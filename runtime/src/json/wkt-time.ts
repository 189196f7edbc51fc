// Text helpers shared by the Timestamp and Duration JSON forms. Parsing is
// done by hand with charCodeAt: these forms are hot in real payloads and a
// regular expression plus padEnd cost several times more.

/** Fractional seconds as 0, 3, 6 or 9 digits, the canonical JSON precision of Timestamp and Duration. */
export function fraction(nanos: number): string {
  if (nanos === 0) return "";
  if (nanos % 1_000_000 === 0) return "." + String(nanos / 1_000_000).padStart(3, "0");
  if (nanos % 1_000 === 0) return "." + String(nanos / 1_000).padStart(6, "0");
  return "." + String(nanos).padStart(9, "0");
}

/** The number written by `count` ASCII digits of `s` at `from`, or -1 if one is not a digit. */
export function digitsAt(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

const SCALE = [0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

/**
 * Reads an optional ".ddddddddd" (1 to 9 digits) at `from`: [nanos, index
 * after it], or undefined when a dot is not followed by 1..9 digits.
 */
export function nanosAt(s: string, from: number): [number, number] | undefined {
  if (s.charCodeAt(from) !== 46 /* . */) return [0, from];
  let end = from + 1;
  while (end < s.length && end - from <= 10) {
    const c = s.charCodeAt(end) - 48;
    if (!(c >= 0 && c <= 9)) break;
    end++;
  }
  const n = end - from - 1;
  if (n < 1 || n > 9) return undefined;
  return [digitsAt(s, from + 1, n) * SCALE[n], end];
}
