import { JsonDecodeError } from "../errors.js";
import type { EnumType } from "../fields.js";
import type { AnyMessage, Message, MessageType } from "../message.js";
import { ScalarType } from "../scalar.js";
import type { JsonObject, JsonValue } from "./json-value.js";
import type { ReadContext } from "./context.js";
import { enumLookup } from "./enum.js";
import { dictionaryMap } from "../map-object.js";
import { asObject, IGNORED, mapKey, readEnum, readMessage, readUnknownKey, tooDeep } from "./read.js";
import { holdsAsIs } from "./as-is.js";
import { expected, FLOAT_MAX, isInt64, isUint64, isWellFormed, readScalar } from "./scalar-read.js";

/*
 * What generated `$fromJson` methods call. Each helper takes the common
 * form of a value at once and hands anything else to the field table's
 * readers, which convert it or throw; the errors carry no path, since
 * readJson then reads the input again through the field table, whose error
 * names it. So reading that succeeds builds no error state.
 */

export function stringFromJson(v: JsonValue): string {
  return typeof v === "string" && isWellFormed(v) ? v : (readScalar(ScalarType.STRING, undefined, v, "") as string);
}

/** The keys of a message's or a map's JSON object, counted for the duplicate-key check. */
export function jsonKeys(json: JsonObject, ctx: ReadContext): string[] {
  const keys = Object.keys(json);
  ctx.members += keys.length;
  return keys;
}

export function boolFromJson(v: JsonValue): boolean {
  return typeof v === "boolean" ? v : (readScalar(ScalarType.BOOL, undefined, v, "") as boolean);
}

export function int32FromJson(v: JsonValue): number {
  return typeof v === "number" && (v | 0) === v ? v : (readScalar(ScalarType.INT32, undefined, v, "") as number);
}

export function uint32FromJson(v: JsonValue): number {
  return typeof v === "number" && v >>> 0 === v ? v : (readScalar(ScalarType.UINT32, undefined, v, "") as number);
}

export function doubleFromJson(v: JsonValue): number {
  return typeof v === "number" && Number.isFinite(v) ? v : (readScalar(ScalarType.DOUBLE, undefined, v, "") as number);
}

export function floatFromJson(v: JsonValue): number {
  return typeof v === "number" && Math.abs(v) <= FLOAT_MAX ? Math.fround(v) : (readScalar(ScalarType.FLOAT, undefined, v, "") as number);
}

/**
 * int64, sint64, sfixed64 as a bigint (generated code takes `String()` of it
 * for `long_type=string`). A decimal string of up to 15 digits is read by
 * hand into the number it is exactly, and BigInt made from that: cheaper than
 * a format check and BigInt's own parse of the string, and inside every
 * 64-bit range. Up to 20 digits, checked by the same loop, BigInt parses the
 * string and the range is compared. Anything else goes to the field table's reader.
 */
export function int64FromJson(v: JsonValue): bigint {
  if (typeof v === "string") {
    const neg = v.charCodeAt(0) === 45; /* - */
    const x = decimal(v, neg ? 1 : 0);
    if (x >= 0) return BigInt(neg ? -x : x);
    if (x === LONG) {
      const b = BigInt(v);
      if (isInt64(b)) return b;
    }
  }
  return readScalar(ScalarType.INT64, undefined, v, "") as bigint;
}

/** uint64, fixed64. */
export function uint64FromJson(v: JsonValue): bigint {
  if (typeof v === "string") {
    const x = decimal(v, 0);
    if (x >= 0) return BigInt(x);
    if (x === LONG) {
      const b = BigInt(v);
      if (isUint64(b)) return b;
    }
  }
  return readScalar(ScalarType.UINT64, undefined, v, "") as bigint;
}

/** What `decimal` returns for 16 to 20 digits: exact as a bigint only. */
const LONG = -2;

/**
 * The value of `s` from `from` on when that is 1 to 15 decimal digits without a leading zero (below 2^53, so
 * exact); LONG for 16 to 20 such digits; else -1.
 */
function decimal(s: string, from: number): number {
  const n = s.length - from;
  if (n < 1 || n > 20 || (n > 1 && s.charCodeAt(from) === 48)) return -1;
  let x = 0;
  for (let i = from; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    x = x * 10 + d;
  }
  return n > 15 ? LONG : x;
}

export function bytesFromJson(v: JsonValue): Uint8Array {
  return readScalar(ScalarType.BYTES, undefined, v, "") as Uint8Array;
}

/** An enum name or number; undefined for an unknown one skipped under `ignoreUnknownFields`. */
export function enumFromJson(T: EnumType, v: JsonValue, ctx: ReadContext): number | undefined {
  if (typeof v === "string") {
    const no = enumLookup(T).byName.get(v);
    if (no !== undefined) return no;
  }
  const no = readEnum(T, v, ctx, "");
  return no !== IGNORED ? no : undefined;
}

/** Appends the values of a repeated enum field (unknown ones skipped under `ignoreUnknownFields`). */
export function enumsFromJson(list: number[], T: EnumType, v: JsonValue, ctx: ReadContext): void {
  for (const item of listFromJson(v)) {
    const no = enumFromJson(T, item, ctx);
    if (no !== undefined) list.push(no);
  }
}

/** Adds the entries of an enum-valued map. */
export function enumMapFromJson(map: { [key: string]: number }, K: ScalarType, T: EnumType, v: JsonValue, ctx: ReadContext): void {
  const obj = mapFromJson(v);
  for (const k of jsonKeys(obj, ctx)) {
    const no = enumFromJson(T, obj[k], ctx);
    const key = mapKeyFromJson(K, k);
    if (no !== undefined) map[key] = no;
  }
}

/** A message of `type` (a well-known type in its own JSON form), inside the depth limit. */
export function messageFromJson<T extends Message<T>>(type: MessageType<T>, v: JsonValue, ctx: ReadContext): T {
  return readMessage(type, v, ctx, "") as unknown as T;
}

/** A message of a type without a JSON form of its own: readMessage without the lookup of a form. */
export function plainMessageFromJson<T extends Message<T>>(type: MessageType<T>, v: JsonValue, ctx: ReadContext): T {
  if (++ctx.depth > ctx.maxDepth) throw tooDeep(ctx);
  const msg = new type();
  msg.$fromJson(asObject(v, ""), ctx);
  ctx.depth--;
  return msg;
}

/**
 * The messages of a repeated field of a type without a JSON form of its own,
 * in an array of the list's exact size (a push per message would grow one,
 * to 17 slots at the first). It replaces the field's array, which is empty:
 * a JSON object names a field once (both spellings are an error).
 */
export function plainMessagesFromJson<T extends Message<T>>(type: MessageType<T>, v: JsonValue, ctx: ReadContext): T[] {
  const json = listFromJson(v);
  const out = new Array<T>(json.length);
  for (let i = 0; i < json.length; i++) out[i] = plainMessageFromJson(type, json[i], ctx);
  return out;
}

/**
 * A list of int32, uint32, double, bool or string values, which JSON holds
 * as they are: checked in one pass and copied by one `slice` (which keeps the
 * element kind JSON.parse gave the array, and is sized to it) instead of a
 * push per value. A list holding another form ("1", "NaN", a lone
 * surrogate) takes the per-value reader.
 */
export function scalarsFromJson<E>(list: E[], T: ScalarType, v: JsonValue): E[] {
  const json = listFromJson(v);
  if (list.length === 0 && T !== ScalarType.FLOAT && holdsAsIs(T, json) && (T !== ScalarType.STRING || wellFormed(json as string[]))) {
    return json.slice() as E[];
  }
  for (const e of json) list.push(readScalar(T, undefined, e, "") as E);
  return list;
}

function wellFormed(strings: readonly string[]): boolean {
  for (const s of strings) if (!isWellFormed(s)) return false;
  return true;
}

export function listFromJson(v: JsonValue): JsonValue[] {
  if (Array.isArray(v)) return v;
  throw expected("array", v, "");
}

/** A map's JSON object (a plain object only). */
export function mapFromJson(v: JsonValue): JsonObject {
  return asObject(v, "");
}

/**
 * The object a map's JSON entries go into. A small map whose first key was
 * the first key of a recent map too (labels, attributes, headers: repeated
 * vocabulary) stays in the fast-mode object `newMap` made, cheaper to fill,
 * to enumerate and to write again; others (often keyed by ids, each new key
 * a new hidden class) go into a dictionary-mode copy (map-object.ts), as the
 * binary decoder decides with its key cache (BinaryReader.mapTarget).
 */
export function mapForJson<V>(map: { [key: string]: V }, keys: readonly string[]): { [key: string]: V } {
  return keys.length <= 8 && keys.length > 0 && seenFirst(keys[0]) ? map : dictionaryMap(map);
}

/** The first keys of recent maps, by a hash of their first characters. */
const recentFirstKeys: string[] = /*@__PURE__*/ Array.from({ length: 256 }, () => "");

/** Whether `key` is the remembered first key of its slot; it is remembered from now on either way. */
function seenFirst(key: string): boolean {
  let h = key.length;
  for (let i = 0; i < key.length && i < 8; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  const slot = h & 255;
  if (recentFirstKeys[slot] === key) return true;
  recentFirstKeys[slot] = key;
  return false;
}

/** A map key checked for the key type and in the canonical string form map records use. */
export function mapKeyFromJson(K: ScalarType, key: string): string {
  if (K !== ScalarType.STRING) return mapKey(K, key, "");
  return isWellFormed(key) ? key : mapKey(K, key, "");
}

/** A key that names no field of the message: an extension, skipped, or an error. */
export function unknownKeyFromJson(msg: AnyMessage, key: string, v: JsonValue, ctx: ReadContext): void {
  ctx.counting = false; // its value (an extension, or skipped) is left to the tree walk
  readUnknownKey(msg, msg.$type().typeName, key, v, ctx, "");
}

/** `protoName` was read from an object that also holds the field's JSON name: one field given twice. */
export function checkOneSpelling(json: JsonObject, jsonName: string): void {
  if (Object.prototype.hasOwnProperty.call(json, jsonName)) throw new JsonDecodeError(`field ${jsonName} given twice`);
}

/** A second member of one oneof. */
export function oneofGivenTwice(oneof: string): JsonDecodeError {
  return new JsonDecodeError(`more than one member of oneof ${oneof} given`);
}
