import { JsonDecodeError } from "../errors.js";
import type { EnumType, FieldInfo, ValueInfo } from "../fields.js";
import type { AnyMessage, MessageType } from "../message.js";
import { ScalarType } from "../scalar.js";
import type { JsonObject, JsonValue } from "./json-value.js";
import { atKey, jsonForm, type ReadContext } from "./context.js";
import { enumLookup, NULL_VALUE } from "./enum.js";
import { describe, expected, readScalar } from "./scalar-read.js";
import type { ExtensionInfo } from "../registry.js";
import { unknownFields } from "../unknown-fields.js";
import { encodeExtension, type ExtensionField } from "./extension-wire.js";

/** Returned for an unknown enum name or number skipped under `ignoreUnknownFields`. */
export const IGNORED = Symbol("ignored");

const VALUE = "google.protobuf.Value";

/** Reads a message of `type` from its JSON form, special forms of well-known types included. */
export function readMessage(type: MessageType, json: JsonValue, ctx: ReadContext, path: string): AnyMessage {
  if (++ctx.depth > ctx.maxDepth) throw tooDeep(ctx, path);
  const form = jsonForm(type);
  let msg: AnyMessage;
  if (form) {
    // Forms of objects and lists (Struct, Any, Value, ListValue) do not count their keys: the tree walk does.
    if (typeof json === "object" && json !== null) ctx.counting = false;
    msg = form.read(type, json, ctx, path);
  } else {
    msg = new type();
    const obj = asObject(json, path);
    if (ctx.generated) msg.$fromJson(obj, ctx);
    else readFields(msg, type, obj, ctx, path);
  }
  ctx.depth--;
  return msg;
}

export function tooDeep(ctx: ReadContext, path?: string): JsonDecodeError {
  return new JsonDecodeError(`nesting deeper than maxDepth ${ctx.maxDepth}`, path);
}

/**
 * The JSON object, or a JsonDecodeError. Only plain objects qualify: a Date,
 * a Map or a message instance handed in by a caller is not JSON. (A plain
 * object's prototype is Object.prototype of some realm, whose own is null.)
 */
export function asObject(json: JsonValue, path: string): JsonObject {
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw expected("object", json, path);
  const proto = Object.getPrototypeOf(json) as object | null;
  if (proto !== null && proto !== Object.prototype && Object.getPrototypeOf(proto) !== null) {
    throw new JsonDecodeError(`expected a plain JSON object, got ${proto.constructor?.name ?? "an object with a prototype"}`, path);
  }
  return json;
}

/**
 * Reads the members of `json` into `msg`'s fields and registered extensions.
 * Children are read with no path; a failing member's key is added to the
 * error as it unwinds (atKey), so reading that succeeds builds no paths.
 */
export function readFields(msg: AnyMessage, type: MessageType, json: JsonObject, ctx: ReadContext, path: string): void {
  const fields = type.$fields;
  let oneofs: string[] | undefined;
  for (const key of Object.keys(json)) {
    const field = fields.findJsonKey(key);
    if (!field) {
      readUnknownKey(msg, type.typeName, key, json[key], ctx, path);
      continue;
    }
    if (key !== field.jsonName && Object.prototype.hasOwnProperty.call(json, field.jsonName)) {
      // Both spellings of one field in one object: JSON.parse cannot see this duplicate.
      throw new JsonDecodeError(`field ${field.name} given twice`, path);
    }
    const value = json[key]!;
    let v: unknown;
    try {
      if (field.kind === "map") {
        if (value !== null) readMap(msg[field.localName] as Record<string, unknown>, field, value, ctx);
        continue;
      }
      if (field.repeated) {
        if (value !== null) readList(msg[field.localName] as unknown[], field, value, ctx);
        continue;
      }
      // Nothing for null (the field of a fresh message already holds its default) or a skipped enum value.
      if (value === null && !readsNull(field)) continue;
      v = readValue(field, value, ctx, "");
    } catch (e) {
      throw atKey(e, key);
    }
    if (v === IGNORED) continue;
    if (field.oneof) {
      oneofs ??= [];
      if (oneofs.includes(field.oneof)) throw new JsonDecodeError(`more than one member of oneof ${field.oneof} given`, path);
      oneofs.push(field.oneof);
      msg[field.oneof] = { case: field.localName, value: v };
    } else {
      msg[field.localName] = v;
    }
  }
}

/** A key that names no field: a registered extension, skipped under `ignoreUnknownFields`, or an error. */
export function readUnknownKey(msg: AnyMessage, typeName: string, key: string, value: JsonValue, ctx: ReadContext, path: string): void {
  const ext = findExtension(typeName, key, ctx);
  if (ext) {
    try {
      readExtension(msg, ext, value, ctx);
    } catch (e) {
      throw atKey(e, key);
    }
    return;
  }
  if (ctx.ignoreUnknownFields) return;
  throw new JsonDecodeError(`unknown field ${JSON.stringify(key)} in ${typeName}`, path);
}

/** The registered extension of `type` a JSON key names (`"[pkg.ext]"`), if any. */
function findExtension(typeName: string, key: string, ctx: ReadContext): ExtensionInfo | undefined {
  if (!ctx.registry || key.charCodeAt(0) !== 91 /* [ */ || !key.endsWith("]")) return undefined;
  const ext = ctx.registry.getExtension(key.slice(1, -1));
  return ext?.extendee.typeName === typeName ? ext : undefined;
}

/** Reads an extension's JSON value into the message's unknown fields, where extension values live. Errors carry paths relative to the value. */
function readExtension(msg: AnyMessage, ext: ExtensionInfo, json: JsonValue, ctx: ReadContext): void {
  const f = ext.field as ExtensionField;
  const chunks = encodeExtension(f, readFieldValues(f, json, ctx));
  if (chunks.length) (msg[unknownFields] ??= []).push(...chunks);
}

/** The values a JSON value gives a non-map field (an extension): a list's elements, or none for null or a skipped enum. */
function readFieldValues(f: Exclude<FieldInfo, { kind: "map" }>, json: JsonValue, ctx: ReadContext): unknown[] {
  const values: unknown[] = [];
  if (json === null && !(readsNull(f) && !f.repeated)) return values;
  if (f.repeated) {
    readList(values, f, json, ctx);
  } else {
    const v = readValue(f, json, ctx, "");
    if (v !== IGNORED) values.push(v);
  }
  return values;
}

/** True for types whose JSON form includes null: Value (null_value) and the NullValue enum. */
function readsNull(v: ValueInfo): boolean {
  return (v.kind === "message" && v.T.typeName === VALUE) || (v.kind === "enum" && v.T.typeName === NULL_VALUE);
}

function readValue(v: ValueInfo, json: JsonValue, ctx: ReadContext, path: string): unknown {
  switch (v.kind) {
    case "scalar":
      return readScalar(v.T, v.L, json, path);
    case "enum":
      return readEnum(v.T, json, ctx, path);
    case "message":
      return readMessage(v.T, json, ctx, path);
  }
}

function readList(list: unknown[], v: ValueInfo, json: JsonValue, ctx: ReadContext): void {
  if (!Array.isArray(json)) throw expected("array", json, "");
  const nullable = readsNull(v);
  for (let i = 0; i < json.length; i++) {
    const item = json[i]!;
    try {
      if (item === null && !nullable) throw new JsonDecodeError("null is not allowed in a list");
      const r = readValue(v, item, ctx, "");
      if (r !== IGNORED) list.push(r);
    } catch (e) {
      throw atKey(e, i);
    }
  }
}

function readMap(map: Record<string, unknown>, field: Extract<FieldInfo, { kind: "map" }>, json: JsonValue, ctx: ReadContext): void {
  const obj = asObject(json, "");
  const nullable = readsNull(field.V);
  for (const key of Object.keys(obj)) {
    const item = obj[key]!;
    try {
      if (item === null && !nullable) throw new JsonDecodeError("null is not allowed as a map value");
      const v = readValue(field.V, item, ctx, "");
      if (v !== IGNORED) map[mapKey(field.K, key, "")] = v;
    } catch (e) {
      throw atKey(e, key);
    }
  }
}

/** Validates a map key and returns its canonical string form ("01" is not an int key). */
export function mapKey(K: ScalarType, key: string, path: string): string {
  switch (K) {
    case ScalarType.STRING:
      return readScalar(K, undefined, key, path) as string;
    case ScalarType.BOOL:
      if (key === "true" || key === "false") return key;
      throw new JsonDecodeError(`invalid bool map key ${JSON.stringify(key)}`, path);
    default:
      if (!/^-?(0|[1-9][0-9]*)$/.test(key)) throw new JsonDecodeError(`invalid integer map key ${JSON.stringify(key)}`, path);
      return String(readScalar(K, undefined, key, path));
  }
}

export function readEnum(T: EnumType, json: JsonValue, ctx: ReadContext, path: string): number | typeof IGNORED {
  if (json === null && T.typeName === NULL_VALUE) return 0;
  if (typeof json === "string") {
    const no = enumLookup(T).byName.get(json);
    if (no !== undefined) return no;
    if (ctx.ignoreUnknownFields) return IGNORED;
    throw new JsonDecodeError(`unknown value ${JSON.stringify(json.slice(0, 100))} for enum ${T.typeName}`, path);
  }
  if (typeof json === "number") {
    const no = readScalar(ScalarType.INT32, undefined, json, path) as number;
    if (T.open || enumLookup(T).byNo.has(no)) return no;
    if (ctx.ignoreUnknownFields) return IGNORED;
    throw new JsonDecodeError(`unknown value ${no} for closed enum ${T.typeName}`, path);
  }
  throw new JsonDecodeError(`expected enum name or number, got ${describe(json)}`, path);
}
