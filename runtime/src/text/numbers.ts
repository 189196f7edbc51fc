import { LongType, ScalarType } from "../scalar.js";

/** Integer ranges per scalar type, as [min, max]. */
const INT32: readonly [bigint, bigint] = [-(1n << 31n), (1n << 31n) - 1n];
const UINT32: readonly [bigint, bigint] = [0n, (1n << 32n) - 1n];
const INT64: readonly [bigint, bigint] = [-(1n << 63n), (1n << 63n) - 1n];
const UINT64: readonly [bigint, bigint] = [0n, (1n << 64n) - 1n];

export function intRange(T: ScalarType): readonly [bigint, bigint] {
  switch (T) {
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return INT32;
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return UINT32;
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return UINT64;
    default:
      return INT64;
  }
}

export function is64(T: ScalarType): boolean {
  return T === ScalarType.INT64 || T === ScalarType.UINT64 || T === ScalarType.SINT64 || T === ScalarType.FIXED64 || T === ScalarType.SFIXED64;
}

/**
 * The value of an integer literal (`123`, `0x7F`, `017`, with its sign), or
 * undefined when it is out of `T`'s range. Leading zeros are dropped before
 * BigInt sees the digits, and more digits than any 64-bit value has are out
 * of range at once, so a literal of a million digits costs one scan.
 */
export function integerValue(text: string, radix: number, negative: boolean, T: ScalarType, L: LongType | undefined): number | bigint | string | undefined {
  const digits = (radix === 16 ? text.slice(2) : text).replace(/^0+/, "");
  if (digits.length > 22) return undefined;
  const prefix = radix === 16 ? "0x" : radix === 8 ? "0o" : "";
  const magnitude = digits === "" ? 0n : BigInt(prefix + digits);
  const v = negative ? -magnitude : magnitude;
  const [min, max] = intRange(T);
  if (v < min || v > max) return undefined;
  if (!is64(T)) return Number(v);
  return L === LongType.STRING ? v.toString() : v;
}

/** A float literal's value: an optional `f`/`F` suffix dropped; too large is ±Infinity, too small ±0, as C's strtod rounds. */
export function floatValue(text: string, negative: boolean): number {
  const last = text[text.length - 1];
  const v = Number(last === "f" || last === "F" ? text.slice(0, -1) : text);
  return negative ? -v : v;
}

/** `inf`, `infinity` and `nan` in any case: the identifiers a float field accepts. */
export function namedFloat(ident: string): number | undefined {
  const lower = ident.toLowerCase();
  if (lower === "inf" || lower === "infinity") return Infinity;
  if (lower === "nan") return NaN;
  return undefined;
}

/**
 * A double or float as text: `inf`, `-inf`, `nan`, `-0`, or the shortest
 * decimal that reads back as the same value (for a float, the same float32:
 * 0.1f prints as 0.1, not 0.10000000149011612).
 */
export function formatFloat(v: number, single: boolean): string {
  if (v !== v) return "nan";
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  if (v === 0) return Object.is(v, -0) ? "-0" : "0";
  if (single) {
    for (let p = 1; p < 9; p++) {
      const s = v.toPrecision(p);
      if (Math.fround(Number(s)) === v) return String(Number(s));
    }
  }
  return String(v);
}
