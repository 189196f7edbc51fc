import { JsonEncodeError } from "../errors.js";
import type { EnumType } from "../fields.js";
import type { AnyMessage } from "../message.js";
import { ScalarType } from "../scalar.js";
import type { JsonObject, JsonValue } from "./json-value.js";
import { setKey, type WriteContext } from "./context.js";
import { enumLookup, NULL_VALUE } from "./enum.js";
import { isInt64, isUint64 } from "./scalar-read.js";
import { writeScalar } from "./scalar-write.js";
import { writeExtensions } from "./write.js";
import { writeTimestamp } from "./wkt-timestamp.js";
import { writeDuration } from "./wkt-duration.js";
import { holdsAsIs } from "./as-is.js";

/*
 * What generated `$toJson` methods call, under the default write options.
 * Each helper takes the common value at once and hands anything else to
 * writeScalar, which converts it or throws the JsonEncodeError; writeJson
 * then writes the message again through the field table, whose error names
 * the field. So these never build an error path, and their output is the
 * field table's.
 */

export function stringToJson(v: unknown): JsonValue {
  return typeof v === "string" ? v : writeScalar(ScalarType.STRING, v);
}

export function boolToJson(v: unknown): JsonValue {
  return typeof v === "boolean" ? v : writeScalar(ScalarType.BOOL, v);
}

export function int32ToJson(v: unknown): JsonValue {
  return typeof v === "number" && (v | 0) === v ? v : writeScalar(ScalarType.INT32, v);
}

export function uint32ToJson(v: unknown): JsonValue {
  return typeof v === "number" && v >>> 0 === v ? v : writeScalar(ScalarType.UINT32, v);
}

/** double and float: a finite number is written as it is. */
export function doubleToJson(v: unknown): JsonValue {
  return typeof v === "number" && Number.isFinite(v) ? v : writeScalar(ScalarType.DOUBLE, v);
}

/**
 * 64-bit fields held as bigint. Only a bigint is taken: the field table also
 * omits a wrong-typed `"0"` or `0` as zero, which this `!== 0n` test cannot see.
 */
export function int64ToJson(v: unknown): JsonValue {
  if (isInt64(v)) return v.toString();
  throw notBigint(v);
}

export function uint64ToJson(v: unknown): JsonValue {
  if (isUint64(v)) return v.toString();
  throw notBigint(v);
}

/** 64-bit fields held as decimal strings (`long_type=string`, `jstype = JS_STRING`); likewise only strings. */
export function int64StringToJson(v: unknown): JsonValue {
  if (typeof v === "string") return writeScalar(ScalarType.INT64, v);
  throw notBigint(v);
}

export function uint64StringToJson(v: unknown): JsonValue {
  if (typeof v === "string") return writeScalar(ScalarType.UINT64, v);
  throw notBigint(v);
}

/** Generated code declines the value; the field table writes the message again and decides. */
function notBigint(v: unknown): JsonEncodeError {
  return new JsonEncodeError(`unexpected 64-bit value ${typeof v}`);
}

export function bytesToJson(v: unknown): JsonValue {
  return writeScalar(ScalarType.BYTES, v);
}

/** An enum value by name (an unknown number of an open enum as the number); NullValue as null. */
export function enumToJson(T: EnumType, v: unknown): JsonValue {
  const no = int32ToJson(v) as number;
  if (T.typeName === NULL_VALUE) return null;
  return enumLookup(T).byNo.get(no) ?? no;
}

/**
 * A repeated scalar field. Values JSON holds as they are (strings, bools,
 * 32-bit integers, finite floats) are only checked, and for
 * `toJsonString` (ctx.share) the message's own array goes into the tree.
 */
export function scalarListToJson(list: readonly unknown[], T: ScalarType, ctx: WriteContext): JsonValue[] {
  if (holdsAsIs(T, list)) return (ctx.share ? list : list.slice()) as JsonValue[];
  switch (T) {
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return list.map((v) => (typeof v === "bigint" ? int64ToJson(v) : writeScalar(T, v)));
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return list.map((v) => (typeof v === "bigint" ? uint64ToJson(v) : writeScalar(T, v)));
    default:
      return list.map((v) => writeScalar(T, v));
  }
}

export function enumListToJson(list: readonly unknown[], T: EnumType): JsonValue[] {
  return list.map((v) => enumToJson(T, v));
}

export function messageListToJson(list: readonly AnyMessage[], ctx: WriteContext): JsonValue[] {
  const out = new Array<JsonValue>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = list[i].$toJson(ctx);
  return out;
}

/**
 * A map of scalars, or undefined when it is empty (and left out). Copied into
 * a plain object even for `toJsonString`: map records have no prototype,
 * which V8 keeps in dictionary mode, and JSON.stringify is slower on those
 * than the copy costs.
 */
export function scalarMapToJson(map: { [key: string]: unknown }, T: ScalarType): JsonObject | undefined {
  const keys = Object.keys(map);
  if (keys.length === 0) return undefined;
  const out: JsonObject = {};
  for (const k of keys) setKey(out, k, writeScalar(T, map[k]));
  return out;
}

export function enumMapToJson(map: { [key: string]: unknown }, T: EnumType): JsonObject | undefined {
  const keys = Object.keys(map);
  if (keys.length === 0) return undefined;
  const out: JsonObject = {};
  for (const k of keys) setKey(out, k, enumToJson(T, map[k]));
  return out;
}

export function messageMapToJson(map: { [key: string]: AnyMessage }, ctx: WriteContext): JsonObject | undefined {
  const keys = Object.keys(map);
  if (keys.length === 0) return undefined;
  const out: JsonObject = {};
  for (const k of keys) setKey(out, k, map[k].$toJson(ctx));
  return out;
}

/** Adds the message's registered extensions (`"[pkg.ext]"` keys) to its JSON object. */
export { writeExtensions as extensionsToJson };

/** Timestamp and Duration fields: their string forms at once, without the lookup of the type's form. */
export { writeTimestamp as timestampToJson, writeDuration as durationToJson };
