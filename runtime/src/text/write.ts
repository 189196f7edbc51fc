import { TextEncodeError } from "../errors.js";
import type { EnumType, FieldInfo, ValueInfo } from "../fields.js";
import type { AnyMessage, MessageType } from "../message.js";
import type { TextWriteOptions } from "../options.js";
import type { ExtensionInfo, Registry } from "../registry.js";
import { ScalarType } from "../scalar.js";
import { unknownFields } from "../unknown-fields.js";
import { BinaryReader } from "../wire/reader.js";
import { enumLookup } from "../json/enum.js";
import { decodeExtension, type ExtensionField } from "../json/extension-wire.js";
import { isZero } from "../json/scalar-write.js";
import { wktField } from "../wkt/field.js";
import { typeNameOfUrl } from "../wkt/type-url.js";
import { quoteBytes, quoteString } from "./escapes.js";
import { fieldsByNumber, textName } from "./names.js";
import { formatFloat, intRange, is64 } from "./numbers.js";
import { Printer } from "./printer.js";
import { printUnknown } from "./unknown.js";

const ANY = "google.protobuf.Any";

/** Deeper than any message a reader accepts by default: only a cycle gets here. */
const MAX_DEPTH = 1000;

interface WriteContext {
  readonly p: Printer;
  readonly registry: Registry | undefined;
  readonly unknown: boolean;
}

/**
 * A message as text format: set fields in field-number order (repeated
 * fields one line per element, map entries sorted by key), then extensions
 * the registry knows, then unknown fields when asked. A value the field
 * cannot hold is a TextEncodeError naming the field's path.
 */
export function writeText(msg: AnyMessage, options?: TextWriteOptions): string {
  const indent = options?.indent ?? 2;
  if (!Number.isInteger(indent) || indent < 0 || indent > 16) throw new TextEncodeError(`indent must be an integer from 0 to 16, got ${String(indent)}`);
  const p = new Printer(options?.singleLine ?? false, " ".repeat(indent));
  writeFields(msg, { p, registry: options?.registry, unknown: options?.printUnknownFields ?? false });
  return p.finish();
}

function writeFields(msg: AnyMessage, ctx: WriteContext): void {
  if (ctx.p.depth > MAX_DEPTH) throw new TextEncodeError(`nesting deeper than ${MAX_DEPTH}: does the message contain itself?`);
  const type = msg.$type();
  if (type.typeName === ANY && writeExpandedAny(msg, type, ctx)) return;
  for (const f of fieldsByNumber(type)) {
    try {
      writeField(msg, type, f, ctx);
    } catch (e) {
      throw withPath(e, f.name);
    }
  }
  const chunks = msg[unknownFields];
  if (chunks?.length) writeExtensionsAndUnknown(type, chunks, ctx);
}

function writeField(msg: AnyMessage, type: MessageType, f: FieldInfo, ctx: WriteContext): void {
  const name = textName(type, f);
  if (f.oneof) {
    const oneof = msg[f.oneof] as { case: string | undefined; value?: unknown };
    if (oneof.case === f.localName) writeValue(name, f as ValueField, oneof.value, ctx);
    return;
  }
  const value: unknown = msg[f.localName];
  if (f.kind === "map") return writeMap(name, f, value as Record<string, unknown>, ctx);
  if (f.repeated) {
    if (!Array.isArray(value)) throw new TextEncodeError(`expected an array, got ${typeof value}`);
    for (const v of value) writeValue(name, f, v, ctx);
    return;
  }
  if (value === undefined) return;
  if (!f.presence && !f.wrapper && f.kind !== "message" && (f.kind === "enum" ? value === 0 : isZero(f.T, value))) return;
  writeValue(name, f, value, ctx);
}

type ValueField = ValueInfo & { readonly wrapper?: MessageType };

function writeValue(name: string, v: ValueField, value: unknown, ctx: WriteContext): void {
  const p = ctx.p;
  if (v.wrapper && v.kind === "scalar") {
    p.open(name);
    if (!isZero(v.T, value)) p.field("value", scalarText(v.T, value));
    return p.close();
  }
  switch (v.kind) {
    case "scalar":
      return p.field(name, scalarText(v.T, value));
    case "enum":
      return p.field(name, enumText(v.T, value));
    case "message":
      if (typeof (value as AnyMessage | undefined)?.$type !== "function") throw invalid(v.T.typeName, value);
      p.open(name);
      writeFields(value as AnyMessage, ctx);
      return p.close();
  }
}

function writeMap(name: string, f: Extract<FieldInfo, { kind: "map" }>, map: Record<string, unknown>, ctx: WriteContext): void {
  const keys = Object.keys(map);
  if (f.K === ScalarType.STRING || f.K === ScalarType.BOOL) {
    keys.sort();
  } else {
    for (const k of keys) if (!/^-?[0-9]{1,20}$/.test(k)) throw new TextEncodeError(`map key ${JSON.stringify(k.slice(0, 40))} is not an integer`);
    keys.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  }
  for (const k of keys) {
    ctx.p.open(name);
    const key = f.K === ScalarType.STRING || f.K === ScalarType.BOOL ? k : is64(f.K) ? BigInt(k) : Number(k);
    ctx.p.field("key", scalarText(f.K, f.K === ScalarType.BOOL ? boolKey(k) : key));
    writeValue("value", f.V, map[k], ctx);
    ctx.p.close();
  }
}

function boolKey(k: string): boolean | string {
  return k === "true" ? true : k === "false" ? false : k;
}

function scalarText(T: ScalarType, value: unknown): string {
  switch (T) {
    case ScalarType.STRING:
      if (typeof value === "string") return quoteString(value);
      throw invalid("string", value);
    case ScalarType.BYTES:
      if (value instanceof Uint8Array) return quoteBytes(value);
      throw invalid("Uint8Array", value);
    case ScalarType.BOOL:
      if (typeof value === "boolean") return String(value);
      throw invalid("boolean", value);
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      if (typeof value === "number") return formatFloat(value, T === ScalarType.FLOAT);
      throw invalid("number", value);
  }
  const [min, max] = intRange(T);
  const name = ScalarType[T].toLowerCase();
  if (is64(T)) {
    const v = typeof value === "bigint" ? value : typeof value === "string" && /^-?[0-9]{1,20}$/.test(value) ? BigInt(value) : undefined;
    if (v !== undefined && v >= min && v <= max) return v.toString();
  } else if (typeof value === "number" && Number.isInteger(value) && value >= Number(min) && value <= Number(max)) {
    return String(value);
  }
  throw invalid(name, value);
}

function enumText(T: EnumType, value: unknown): string {
  if (typeof value !== "number" || (value | 0) !== value) throw invalid(`a value of enum ${T.typeName}`, value);
  return enumLookup(T).byNo.get(value) ?? String(value);
}

function invalid(type: string, value: unknown): TextEncodeError {
  const shown = typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value === "bigint" ? `${value}n` : String(value);
  return new TextEncodeError(`expected ${type}, got ${typeof value} ${shown}`);
}

/** Errors already prefixed with the path below the field that is adding its name. */
const pathed = new WeakSet<Error>();

function withPath(e: unknown, name: string): unknown {
  if (!(e instanceof TextEncodeError) || e.message.startsWith("nesting deeper")) return e;
  const err = new TextEncodeError(`${name}${pathed.has(e) ? "." : ": "}${e.message}`);
  pathed.add(err);
  return err;
}

/** `[type.googleapis.com/pkg.Msg] { ... }` when the registry knows the packed type; else false (printed as raw fields). */
function writeExpandedAny(msg: AnyMessage, type: MessageType, ctx: WriteContext): boolean {
  if (!ctx.registry) return false;
  const url = msg[wktField(type, 1, "scalar").localName] as unknown;
  const value = msg[wktField(type, 2, "scalar").localName] as unknown;
  if (typeof url !== "string" || !(value instanceof Uint8Array)) return false;
  const packed = ctx.registry.getMessage(typeNameOfUrl(url));
  if (!packed || !/^[A-Za-z_][\w.]*(\/[A-Za-z_][\w.]*)+$/.test(url)) return false;
  let inner: AnyMessage;
  try {
    inner = packed.fromBinary(value);
  } catch {
    return false;
  }
  ctx.p.open(`[${url}]`);
  writeFields(inner, ctx);
  ctx.p.close();
  return true;
}

/** Extensions the registry knows, by number, as `[pkg.ext]`; the remaining unknown fields by number when asked. */
function writeExtensionsAndUnknown(type: MessageType, chunks: readonly Uint8Array[], ctx: WriteContext): void {
  const found = new Map<ExtensionInfo, Uint8Array[]>();
  const rest: Uint8Array[] = [];
  for (const chunk of chunks) {
    const ext = ctx.registry?.getExtensionFor(type.typeName, fieldNumber(chunk));
    if (!ext) {
      rest.push(chunk);
      continue;
    }
    const list = found.get(ext);
    if (list) list.push(chunk);
    else found.set(ext, [chunk]);
  }
  for (const [ext, list] of [...found].sort(([a], [b]) => a.field.no - b.field.no)) {
    const f = ext.field as ExtensionField;
    const values = decodeExtension(f, list);
    const name = `[${ext.typeName}]`;
    try {
      for (const v of f.repeated ? values : values.slice(-1)) writeValue(name, f, v, ctx);
    } catch (e) {
      throw withPath(e, name);
    }
  }
  if (ctx.unknown && rest.length) printUnknown(rest, ctx.p);
}

function fieldNumber(chunk: Uint8Array): number {
  try {
    return new BinaryReader(chunk).tag() >>> 3;
  } catch {
    return 0;
  }
}
