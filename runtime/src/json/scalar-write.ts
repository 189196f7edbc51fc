import { ScalarType } from "../scalar.js";
import type { JsonValue } from "./json-value.js";
import { base64Encode } from "./base64.js";

/** The JSON form of a scalar value: 64-bit integers as decimal strings, non-finite floats as names, bytes as base64. */
export function writeScalar(T: ScalarType, value: unknown): JsonValue {
  switch (T) {
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return String(value);
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT: {
      const n = value as number;
      if (Number.isFinite(n)) return T === ScalarType.FLOAT ? shortestFloat(n) : n;
      return Number.isNaN(n) ? "NaN" : n > 0 ? "Infinity" : "-Infinity";
    }
    case ScalarType.BYTES:
      return base64Encode(value as Uint8Array);
    default:
      return value as JsonValue;
  }
}

/** True when a field without presence holds its type's zero value (and so is omitted from JSON by default). */
export function isZero(T: ScalarType, value: unknown): boolean {
  switch (T) {
    case ScalarType.BYTES:
      return (value as Uint8Array).length === 0;
    case ScalarType.STRING:
      return value === "";
    case ScalarType.BOOL:
      return value === false;
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      // -0 is not zero on the wire (its sign bit is set), so it is printed too.
      return value === 0 && !Object.is(value, -0);
    default:
      // 64-bit fields hold 0n, or "0" with LongType.STRING.
      return value === 0 || value === 0n || value === "0";
  }
}

/**
 * The shortest decimal that reads back as the same 32-bit float: a float
 * field holding 0.1f prints 0.1, not the double 0.10000000149011612.
 */
function shortestFloat(n: number): number {
  const f = Math.fround(n);
  for (let digits = 1; digits < 9; digits++) {
    const d = Number(f.toPrecision(digits));
    if (Math.fround(d) === f) return d;
  }
  return f;
}
