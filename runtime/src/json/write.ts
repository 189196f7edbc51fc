import { JsonEncodeError } from "../errors.js";
import type { EnumType, FieldInfo, ValueInfo } from "../fields.js";
import { ScalarType } from "../scalar.js";
import type { AnyMessage } from "../message.js";
import type { JsonObject, JsonValue } from "./json-value.js";
import { jsonForm, setKey, type WriteContext } from "./context.js";
import { enumLookup, NULL_VALUE } from "./enum.js";
import { isZero, writeScalar } from "./scalar-write.js";
import type { ExtensionInfo } from "../registry.js";
import { unknownFields } from "../unknown-fields.js";
import { BinaryReader } from "../wire/reader.js";
import { decodeExtension, type ExtensionField } from "./extension-wire.js";

/** The JSON form of a message, special forms of well-known types included. */
export function writeMessage(msg: AnyMessage, ctx: WriteContext): JsonValue {
  const type = msg.$type();
  const form = jsonForm(type);
  if (form) return form.write(msg, ctx);
  return writeFields(msg, ctx);
}

/** A JSON object with the message's set fields (or all, with emitDefaultValues). */
export function writeFields(msg: AnyMessage, ctx: WriteContext): JsonObject {
  const out: JsonObject = {};
  for (const f of msg.$type().$fields.list) {
    const key = ctx.useProtoFieldName ? f.name : f.jsonName;
    let json: JsonValue | undefined;
    try {
      if (f.oneof) {
        const oneof = msg[f.oneof] as { case: string | undefined; value?: unknown };
        if (oneof.case === f.localName) json = writeSingular(f as ValueInfo, oneof.value, ctx);
      } else {
        json = writeField(f, msg[f.localName], ctx);
      }
    } catch (e) {
      throw withPath(e, key);
    }
    if (json !== undefined) setKey(out, key, json);
  }
  writeExtensions(msg, out, ctx);
  return out;
}

/** Adds `"[pkg.ext]": value` for every unknown field that is a registered extension of the message. */
export function writeExtensions(msg: AnyMessage, out: JsonObject, ctx: WriteContext): void {
  const chunks = msg[unknownFields];
  if (!chunks?.length || !ctx.registry) return;
  const typeName = msg.$type().typeName;
  const found = new Map<ExtensionInfo, Uint8Array[]>();
  for (const chunk of chunks) {
    const ext = ctx.registry.getExtensionFor(typeName, new BinaryReader(chunk).tag() >>> 3);
    if (!ext) continue;
    const list = found.get(ext);
    if (list) list.push(chunk);
    else found.set(ext, [chunk]);
  }
  for (const [ext, list] of found) {
    const f = ext.field as ExtensionField;
    const values = decodeExtension(f, list);
    if (values.length === 0) continue;
    setKey(out, f.jsonName, f.repeated ? writeList(f, values, ctx) : writeSingular(f, values[values.length - 1], ctx));
  }
}

/** The JSON of one non-oneof field, or undefined when it is omitted. */
function writeField(f: FieldInfo, value: unknown, ctx: WriteContext): JsonValue | undefined {
  if (f.kind === "map") {
    const map = value as Record<string, unknown>;
    const keys = Object.keys(map);
    if (keys.length === 0 && !ctx.emitDefaultValues) return undefined;
    const out: JsonObject = {};
    for (const k of keys) setKey(out, k, writeSingular(f.V, map[k], ctx));
    return out;
  }
  if (f.repeated) {
    const list = value as unknown[];
    if (list.length === 0 && !ctx.emitDefaultValues) return undefined;
    return writeList(f, list, ctx);
  }
  if (value === undefined) return undefined; // unset message or field with explicit presence
  if (!f.presence && !ctx.emitDefaultValues && f.kind !== "message" && isDefault(f, value)) return undefined;
  return writeSingular(f, value, ctx);
}

function isDefault(v: ValueInfo, value: unknown): boolean {
  return v.kind === "enum" ? value === 0 : v.kind === "scalar" && isZero(v.T, value);
}

function writeList(v: ValueInfo, list: readonly unknown[], ctx: WriteContext): JsonValue[] {
  return list.map((item) => writeSingular(v, item, ctx));
}

function writeSingular(v: ValueInfo, value: unknown, ctx: WriteContext): JsonValue {
  switch (v.kind) {
    case "scalar":
      return writeScalar(v.T, value);
    case "enum":
      return writeEnum(v.T, value as number, ctx);
    case "message":
      return writeMessage(value as AnyMessage, ctx);
  }
}

function writeEnum(T: EnumType, value: number, ctx: WriteContext): JsonValue {
  const no = writeScalar(ScalarType.INT32, value) as number;
  if (T.typeName === NULL_VALUE) return null;
  if (ctx.enumAsInteger) return no;
  return enumLookup(T).byNo.get(no) ?? no;
}

/** Errors already prefixed with the path below the field that is adding its key. */
const pathed = new WeakSet<Error>();

/** Prefixes a JsonEncodeError with the JSON key of the field it came from: "child.name: expected string, …". */
function withPath(e: unknown, key: string): unknown {
  if (!(e instanceof JsonEncodeError)) return e;
  const err = new JsonEncodeError(`${key}${pathed.has(e) ? "." : ": "}${e.message}`);
  pathed.add(err);
  return err;
}
