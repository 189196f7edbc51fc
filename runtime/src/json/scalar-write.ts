import { JsonEncodeError } from "../errors.js";
import { ScalarType } from "../scalar.js";
import type { JsonValue } from "./json-value.js";
import { base64Encode } from "./base64.js";
import { INT64_MAX, INT64_MIN, PLAIN_INTEGER, UINT64_MAX } from "./scalar-read.js";

/**
 * The JSON form of a scalar value: 64-bit integers as decimal strings,
 * non-finite floats as names, bytes as base64. A value the field's type
 * cannot hold (possible from JavaScript callers) is a JsonEncodeError, never
 * JSON that would not read back.
 */
export function writeScalar(T: ScalarType, value: unknown): JsonValue {
  switch (T) {
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return int64(value, INT64_MIN, INT64_MAX);
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return int64(value, 0n, UINT64_MAX);
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      if (typeof value === "number" && (value | 0) === value) return value;
      throw invalid("int32", value);
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      if (typeof value === "number" && value >>> 0 === value) return value;
      throw invalid("uint32", value);
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT: {
      if (typeof value !== "number") throw invalid("number", value);
      // A float prints as the exact double it holds (0.1f as 0.10000000149011612), which reads back as the
      // same float; searching for the shortest decimal (toPrecision per value) made float lists 3x slower.
      if (Number.isFinite(value)) return value;
      return Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
    }
    case ScalarType.BOOL:
      if (typeof value === "boolean") return value;
      throw invalid("boolean", value);
    case ScalarType.STRING:
      if (typeof value === "string") return value;
      throw invalid("string", value);
    case ScalarType.BYTES:
      if (value instanceof Uint8Array) return base64Encode(value);
      throw invalid("Uint8Array", value);
  }
  throw new JsonEncodeError(`unsupported scalar type ${String(T)}`);
}

function int64(value: unknown, min: bigint, max: bigint): string {
  const v = typeof value === "bigint" ? value : typeof value === "string" && PLAIN_INTEGER.test(value) ? BigInt(value) : undefined;
  if (v === undefined || v < min || v > max) throw invalid(min === 0n ? "uint64" : "int64", value);
  return v.toString();
}

function invalid(type: string, value: unknown): JsonEncodeError {
  const shown = typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value === "bigint" ? `${value}n` : String(value);
  return new JsonEncodeError(`expected ${type}, got ${typeof value} ${shown}`);
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
