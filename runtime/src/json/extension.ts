import type { ExtensionInfo } from "../registry.js";
import type { AnyMessage } from "../message.js";
import { unknownFields } from "../unknown-fields.js";
import { BinaryReader } from "../wire/reader.js";
import type { JsonObject, JsonValue } from "./json-value.js";
import { setKey, type ReadContext, type WriteContext } from "./context.js";
import { decodeExtension, encodeExtension, type ExtensionField } from "./extension-wire.js";
import { readFieldValues } from "./read.js";
import { writeList, writeSingular } from "./write.js";

/** The registered extension of `type` a JSON key names (`"[pkg.ext]"`), if any. */
export function findExtension(typeName: string, key: string, ctx: ReadContext): ExtensionInfo | undefined {
  if (!ctx.registry || key.charCodeAt(0) !== 91 /* [ */ || !key.endsWith("]")) return undefined;
  const ext = ctx.registry.getExtension(key.slice(1, -1));
  return ext?.extendee.typeName === typeName ? ext : undefined;
}

/** Reads an extension's JSON value into the message's unknown fields, where extension values live. Errors carry paths relative to the value. */
export function readExtension(msg: AnyMessage, ext: ExtensionInfo, json: JsonValue, ctx: ReadContext): void {
  const f = ext.field as ExtensionField;
  const chunks = encodeExtension(f, readFieldValues(f, json, ctx));
  if (chunks.length) (msg[unknownFields] ??= []).push(...chunks);
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
