import { JsonDecodeError } from "../errors.js";
import { LongType, ScalarType } from "../scalar.js";
import type { JsonValue } from "./json-value.js";
import { base64Decode } from "./base64.js";

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const UINT32_MAX = 0xffffffff;
export const INT64_MIN = -(1n << 63n);
export const INT64_MAX = (1n << 63n) - 1n;
export const UINT64_MAX = (1n << 64n) - 1n;
/** A bigint inside int64's range (int64, sint64, sfixed64). */
export const isInt64 = (v: unknown): v is bigint => typeof v === "bigint" && v >= INT64_MIN && v <= INT64_MAX;
/** A bigint inside uint64's range (uint64, fixed64). */
export const isUint64 = (v: unknown): v is bigint => typeof v === "bigint" && v >= 0n && v <= UINT64_MAX;
/** FLT_MAX printed in its shortest form; inputs above it are out of float range. */
export const FLOAT_MAX = 3.4028235e38;
/** An integer of at most 20 digits without exponent or fraction: every 64-bit value, in plain form. */
export const PLAIN_INTEGER = /^-?(?:0|[1-9][0-9]{0,19})$/;
/** Numbers inside JSON strings follow the JSON number grammar: no spaces, no "+", no leading zeros. */
const NUMBER_STRING = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/**
 * Reads a JSON value for a scalar field. `null` is handled by the caller.
 * Every mismatch is a JsonDecodeError naming what was expected.
 */
export function readScalar(T: ScalarType, L: LongType | undefined, json: JsonValue, path: string): unknown {
  switch (T) {
    case ScalarType.STRING:
      if (typeof json !== "string") throw expected("string", json, path);
      if (!isWellFormed(json)) throw new JsonDecodeError("string holds an unpaired UTF-16 surrogate", path);
      return json;
    case ScalarType.BOOL:
      if (typeof json !== "boolean") throw expected("boolean", json, path);
      return json;
    case ScalarType.BYTES:
      if (typeof json !== "string") throw expected("base64 string", json, path);
      return base64Decode(json, path);
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return readFloat(T === ScalarType.FLOAT, json, path);
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return readInt32(INT32_MIN, INT32_MAX, json, path);
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return readInt32(0, UINT32_MAX, json, path);
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64: {
      const v = readInt64(INT64_MIN, INT64_MAX, json, path);
      return L === LongType.STRING ? v.toString() : v;
    }
    case ScalarType.UINT64:
    case ScalarType.FIXED64: {
      const v = readInt64(0n, UINT64_MAX, json, path);
      return L === LongType.STRING ? v.toString() : v;
    }
  }
  throw new JsonDecodeError(`unsupported scalar type ${String(T)}`, path);
}

function readFloat(single: boolean, json: JsonValue, path: string): number {
  let v: number;
  if (typeof json === "number") {
    v = json;
  } else if (typeof json === "string") {
    if (json === "NaN") return NaN;
    if (json === "Infinity") return Infinity;
    if (json === "-Infinity") return -Infinity;
    if (!NUMBER_STRING.test(json)) throw new JsonDecodeError(`invalid number ${quote(json)}`, path);
    v = Number(json);
  } else {
    throw expected("number", json, path);
  }
  if (!Number.isFinite(v) || (single && Math.abs(v) > FLOAT_MAX)) {
    throw new JsonDecodeError(`number out of ${single ? "float" : "double"} range`, path);
  }
  return single ? Math.fround(v) : v;
}

function readInt32(min: number, max: number, json: JsonValue, path: string): number {
  let v: number;
  if (typeof json === "number") {
    v = json;
  } else if (typeof json === "string" && NUMBER_STRING.test(json)) {
    v = Number(json);
  } else {
    throw expected("integer", json, path);
  }
  if (!Number.isInteger(v)) throw new JsonDecodeError(`${v} is not an integer`, path);
  if (v < min || v > max) throw new JsonDecodeError(`integer ${v} out of range [${min}, ${max}]`, path);
  return v;
}

function readInt64(min: bigint, max: bigint, json: JsonValue, path: string): bigint {
  let v: bigint | undefined;
  if (typeof json === "number") {
    if (!Number.isInteger(json)) throw new JsonDecodeError(`${json} is not an integer`, path);
    v = BigInt(json);
  } else if (typeof json === "string" && PLAIN_INTEGER.test(json)) {
    // The common case ("-123"): digits only, few enough that BigInt stays cheap.
    v = BigInt(json);
  } else if (typeof json === "string" && NUMBER_STRING.test(json)) {
    v = decimalToBigInt(json);
    if (v === undefined) throw new JsonDecodeError(`${quote(json)} is not an integer`, path);
  } else {
    throw expected("integer", json, path);
  }
  if (v < min || v > max) throw new JsonDecodeError(`integer ${v} out of range [${min}, ${max}]`, path);
  return v;
}

/**
 * Exact value of a JSON number literal as a bigint, or undefined when it is
 * not integral. Zeros are trimmed first and values past 10^25 are clamped, so
 * hostile literals ("1e999999999", a million zeros) stay cheap; any clamped
 * value is out of every 64-bit range anyway.
 */
function decimalToBigInt(text: string): bigint | undefined {
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(text)!;
  const all = (m[2] + (m[3] ?? "")).replace(/^0+/, "");
  const digits = all.replace(/0+$/, "");
  if (digits === "") return 0n;
  const exp = Number(m[4] ?? 0) - (m[3]?.length ?? 0) + (all.length - digits.length);
  if (exp < 0) return undefined;
  const v = digits.length + exp > 25 ? 10n ** 25n : BigInt(digits) * 10n ** BigInt(exp);
  return m[1] ? -v : v;
}

/** False when the string holds a lone UTF-16 surrogate (not representable in UTF-8). */
export function isWellFormed(s: string): boolean {
  return (s as unknown as { isWellFormed(): boolean }).isWellFormed();
}

export function expected(what: string, json: JsonValue, path: string): JsonDecodeError {
  return new JsonDecodeError(`expected ${what}, got ${describe(json)}`, path);
}

/** A short description of a JSON value for error messages (never the whole value). */
export function describe(json: JsonValue): string {
  if (json === null) return "null";
  if (Array.isArray(json)) return "array";
  if (typeof json === "object") return "object";
  if (typeof json === "string") return `string ${quote(json)}`;
  return `${typeof json} ${String(json)}`;
}

function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? s.slice(0, 40) + "…" : s);
}
