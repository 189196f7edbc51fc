/** Fractional seconds as 0, 3, 6 or 9 digits, the canonical JSON precision of Timestamp and Duration. */
export function fraction(nanos: number): string {
  if (nanos === 0) return "";
  if (nanos % 1_000_000 === 0) return "." + String(nanos / 1_000_000).padStart(3, "0");
  if (nanos % 1_000 === 0) return "." + String(nanos / 1_000).padStart(6, "0");
  return "." + String(nanos).padStart(9, "0");
}
