import type { EnumType } from "../fields.js";
import type { AnyMessage } from "../message.js";
import { ScalarType } from "../scalar.js";
import type { WriteContext } from "./context.js";
import {
  boolToJson,
  bytesToJson,
  enumListToJson,
  enumToJson,
  int32ToJson,
  int64StringToJson,
  int64ToJson,
  durationToJson,
  scalarListToJson,
  timestampToJson,
  uint32ToJson,
  uint64StringToJson,
  uint64ToJson,
} from "./generated-write.js";
import { writeScalar } from "./scalar-write.js";
import { isInt64, isUint64 } from "./scalar-read.js";

/*
 * What generated `$toJsonText` methods call: the JSON text of one value, for
 * `toJsonString` under the default write options. Each takes the value the
 * matching generated-write helper takes and throws where it throws, so that
 * writeJsonString falls back to the object path and, from there, to the
 * field table's error with the field's path. Their text is what
 * JSON.stringify makes of that helper's value.
 */

/** What JSON.stringify escapes: '"', '\', control characters, and lone surrogates (a pair it keeps; so does the fallback). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A JSON string: most strings need no escaping, and a regex test finds that
 * faster than JSON.stringify copies them; a short one is looked at by a loop,
 * cheaper than the regex's call.
 */
export function quoteJson(s: string): string {
  return (s.length <= 32 && isPlain(s)) || !NEEDS_ESCAPE.test(s) ? `"${s}"` : JSON.stringify(s);
}

/** Printable ASCII but a quote or a backslash: JSON holds it as it is. */
function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126 || c === 34 || c === 92) return false;
  }
  return true;
}

export function stringToJsonText(v: unknown): string {
  return typeof v === "string" ? quoteJson(v) : quoteJson(writeScalar(ScalarType.STRING, v) as string);
}

export function boolToJsonText(v: unknown): string {
  return `${boolToJson(v) as boolean}`;
}

export function int32ToJsonText(v: unknown): string {
  return `${int32ToJson(v) as number}`;
}

export function uint32ToJsonText(v: unknown): string {
  return `${uint32ToJson(v) as number}`;
}

/** A finite double as JSON.stringify prints it (`${v}`: the same shortest form); NaN and the infinities as quoted names. */
export function doubleToJsonText(v: unknown): string {
  return typeof v === "number" && Number.isFinite(v) ? `${v}` : JSON.stringify(writeScalar(ScalarType.DOUBLE, v));
}

/* 64-bit integers are written as decimal strings and bytes as base64: neither needs escaping. */

export function int64ToJsonText(v: unknown): string {
  return `"${int64ToJson(v) as string}"`;
}

export function uint64ToJsonText(v: unknown): string {
  return `"${uint64ToJson(v) as string}"`;
}

export function int64StringToJsonText(v: unknown): string {
  return `"${int64StringToJson(v) as string}"`;
}

export function uint64StringToJsonText(v: unknown): string {
  return `"${uint64StringToJson(v) as string}"`;
}

export function bytesToJsonText(v: unknown): string {
  return `"${bytesToJson(v) as string}"`;
}

/** Timestamp and Duration: RFC 3339 and "1.5s" forms need no escaping. */
export function timestampToJsonText(msg: AnyMessage): string {
  return `"${timestampToJson(msg) as string}"`;
}

export function durationToJsonText(msg: AnyMessage): string {
  return `"${durationToJson(msg) as string}"`;
}

/** An enum value's name (an identifier: no escaping), an unknown number as it is, NullValue as null. */
export function enumToJsonText(T: EnumType, v: unknown): string {
  const j = enumToJson(T, v);
  return typeof j === "string" ? `"${j}"` : `${j as number | null}`;
}

/**
 * A repeated scalar field. Strings are quoted one by one (most need no
 * escaping); 64-bit integers held as bigint are checked, then joined (one
 * native call, which prints each bigint as toString does, where the
 * JSON.stringify path first makes an array of their strings); other values
 * go to JSON.stringify as one array, in one native call.
 */
export function scalarListToJsonText(list: readonly unknown[], T: ScalarType, ctx: WriteContext): string {
  if (T === ScalarType.STRING) {
    let t = "[";
    for (let i = 0; i < list.length; i++) t += (i === 0 ? "" : ",") + stringToJsonText(list[i]);
    return `${t}]`;
  }
  const text = bigintsText(list, T);
  return text !== undefined ? text : JSON.stringify(scalarListToJson(list, T, ctx));
}

/** A non-empty list of a 64-bit type as text when it holds only bigints inside the type's range; else undefined. */
function bigintsText(list: readonly unknown[], T: ScalarType): string | undefined {
  const signed = T === ScalarType.INT64 || T === ScalarType.SINT64 || T === ScalarType.SFIXED64;
  if (!(signed || T === ScalarType.UINT64 || T === ScalarType.FIXED64) || list.length === 0) return undefined;
  const inRange = signed ? isInt64 : isUint64;
  for (const v of list) if (!inRange(v)) return undefined;
  return `["${list.join('","')}"]`;
}

export function enumListToJsonText(list: readonly unknown[], T: EnumType): string {
  return JSON.stringify(enumListToJson(list, T));
}

/**
 * One scalar map value as text: bools and 64-bit integers held as bigints
 * at once, the rest as writeScalar writes them; only a string field's value
 * can need escaping (64-bit decimals, base64, NaN do not).
 */
function scalarText(T: ScalarType, v: unknown): string {
  switch (T) {
    case ScalarType.STRING:
      return stringToJsonText(v);
    case ScalarType.BOOL:
      if (v === true) return "true";
      if (v === false) return "false";
      break;
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      if (isInt64(v)) return `"${v}"`;
      break;
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      if (isUint64(v)) return `"${v}"`;
      break;
  }
  const j = writeScalar(T, v);
  return typeof j === "string" ? `"${j}"` : `${j as number | boolean}`;
}

/**
 * A map as a JSON object's text, or undefined when it is empty (and left
 * out); keys in the map record's order, as toJson has them. Keys of the
 * other key types than string are decimal numbers or true/false in the
 * record, written without the escape check (a key set otherwise by hand is
 * still escaped as JSON.stringify escapes it).
 */
function mapText<A>(map: { [key: string]: unknown }, K: ScalarType, arg: A, value: (arg: A, v: any) => string): string | undefined {
  const keys = Object.keys(map);
  if (keys.length === 0) return undefined;
  let t = "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const key = (K !== ScalarType.STRING || k.length <= 32) && isPlain(k) ? `"${k}":` : `${quoteJson(k)}:`;
    t += (i === 0 ? key : "," + key) + value(arg, map[k]);
  }
  return `${t}}`;
}

export function scalarMapToJsonText(map: { [key: string]: unknown }, K: ScalarType, T: ScalarType): string | undefined {
  return mapText(map, K, T, scalarText);
}

export function enumMapToJsonText(map: { [key: string]: unknown }, K: ScalarType, T: EnumType): string | undefined {
  return mapText(map, K, T, enumToJsonText);
}

export function messageMapToJsonText(map: { [key: string]: AnyMessage }, K: ScalarType, ctx: WriteContext): string | undefined {
  return mapText(map, K, ctx, messageText);
}

function messageText(ctx: WriteContext, msg: AnyMessage): string {
  return msg.$toJsonText(ctx);
}
