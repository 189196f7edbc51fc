import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { block, literal, type Line } from "./code.js";
import type { FileContext } from "./context.js";
import { hasOwnJsonForm, scalarTypeOf, stringFormHelper } from "./json-common.js";
import { isSet, passesCtx, scalarToJson } from "./json-write.js";
import { fieldName, oneofName } from "./names.js";
import { unboxedWrapper } from "./wrappers.js";

/**
 * `$toJsonText`: the JSON text `toJsonString` returns under the default write
 * options, written directly (each key's `"name":` a constant) instead of
 * building `$toJson`'s object for JSON.stringify. The same keys in the same
 * order with the same values: each helper throws where `$toJson`'s does, and
 * writeJsonString then falls back to that path.
 *
 * Generated only for the kinds of message where it measured faster (docs/
 * BENCHMARKS.md, "Writing JSON text directly"); the others keep the
 * runtime's `JSON.stringify(this.$toJson(ctx))`:
 * - messages with repeated message fields (pages of records, trees): their
 *   text grows large, and V8's rope of many short strings then costs more
 *   (allocation, and the copy into one flat string) than JSON.stringify on
 *   the object;
 * - messages of nothing but repeated numbers: JSON.stringify writes each list
 *   either way, so the text only adds the copy;
 * - messages holding one of those, or a Struct, Value, ListValue or Any
 *   (writesObject): the rope would copy their large text once more.
 * And where the text could differ from the object's: messages without
 * `$toJson`, with extensions (keys from the registry at run time), or whose
 * JSON names repeat or look like array indices (an object orders "1" first).
 */
export function generateToJsonText(ctx: FileContext, message: DescMessage): Line[] {
  if (!writesText(message)) return [];
  const body: Line[] = [[`let t = "{";`]];
  if (message.fields.some((f) => f.fieldKind === "map")) body.push(["let m: string | undefined;"]);
  message.fields.forEach((field, i) => body.push(...writeField(ctx, field, i === 0)));
  body.push([`return t + "}";`]);
  const param = message.fields.some(passesCtx) ? "ctx" : "_ctx";
  return [[], ...block(["override $toJsonText(", param, ": ", ctx.rt("JsonWriteContext", true), "): string"], body)];
}

function writesText(message: DescMessage): boolean {
  if (hasOwnJsonForm(message) || message.proto.extensionRange.length > 0 || message.fields.length === 0) return false;
  const names = message.fields.map((f) => f.jsonName);
  if (new Set(names).size !== names.length || names.some((n) => n === "__proto__" || /^\d+$/.test(n))) return false;
  return !writesObject(message, new Set());
}

/** Struct, Value, ListValue, Any: JSON forms of any size, written by JSON.stringify. */
const openForms = new Set(["Struct", "Value", "ListValue", "Any"].map((n) => `google.protobuf.${n}`));

/**
 * Messages whose text is faster made by JSON.stringify of the object: those
 * with repeated message fields, those of nothing but numeric lists, and those
 * holding (as a field or map value) a message written that way, whose large
 * flat text the rope would only copy again. `seen` ends recursion through
 * recursive types (the cycle itself adds nothing).
 */
function writesObject(message: DescMessage, seen: Set<DescMessage>): boolean {
  if (openForms.has(message.typeName)) return true;
  if (hasOwnJsonForm(message) || seen.has(message)) return false;
  seen.add(message);
  const fields = message.fields;
  if (fields.length > 0 && fields.every((f) => f.fieldKind === "list" && (f.listKind === "enum" || f.scalar !== ScalarType.STRING))) return true;
  return fields.some((f) => {
    if (f.fieldKind === "list") return f.listKind === "message";
    if (f.fieldKind === "map") return f.mapKind === "message" && writesObject(f.message, seen);
    return f.fieldKind === "message" && unboxedWrapper(f) === undefined && writesObject(f.message, seen);
  });
}

/** `t += <key> + <value>`; the key has no leading comma when nothing was written before it. */
function writeField(ctx: FileContext, field: DescField, first: boolean): Line[] {
  const name = JSON.stringify(field.jsonName);
  const key = first ? quoted(`${name}:`) : `(t.length === 1 ? ${quoted(`${name}:`)} : ${quoted(`,${name}:`)})`;
  const x = `this.${fieldName(field)}`;
  switch (field.fieldKind) {
    case "scalar":
    case "enum":
    case "message": {
      const value = field.oneof ? `this.${oneofName(field.oneof)}.value` : x;
      return [["if (", isSet(ctx, field, x), `) t += ${key} + `, ...singularText(ctx, field, value), ";"]];
    }
    case "list": {
      let list: Line;
      if (field.listKind === "message") throw new Error("unreachable: writesText leaves out message lists");
      if (field.listKind === "enum") list = [ctx.rt("enumListToJsonText"), `(${x}, `, ctx.enumInfo(field.enum), ")"];
      else list = [ctx.rt("scalarListToJsonText"), `(${x}, `, ...scalarTypeOf(ctx, field.scalar), ", ctx)"];
      return [[`if (${x}.length !== 0) t += ${key} + `, ...list, ";"]];
    }
    case "map": {
      let map: Line;
      const K = [`(${x}, `, ...scalarTypeOf(ctx, field.mapKey), ", "];
      if (field.mapKind === "message") map = [ctx.rt("messageMapToJsonText"), ...K, "ctx)"];
      else if (field.mapKind === "enum") map = [ctx.rt("enumMapToJsonText"), ...K, ctx.enumInfo(field.enum), ")"];
      else map = [ctx.rt("scalarMapToJsonText"), ...K, ...scalarTypeOf(ctx, field.scalar), ")"];
      return [["m = ", ...map, ";"], [`if (m !== undefined) t += ${key} + m;`]];
    }
  }
}

function singularText(ctx: FileContext, field: DescField & { fieldKind: "scalar" | "enum" | "message" }, v: string): Line {
  switch (field.fieldKind) {
    case "scalar":
      return [ctx.rt(`${scalarToJson(ctx, field, field.scalar)}Text`), `(${v})`];
    case "enum":
      return [ctx.rt("enumToJsonText"), "(", ctx.enumInfo(field.enum), `, ${v})`];
    case "message": {
      const wrapped = unboxedWrapper(field);
      if (wrapped !== undefined) return [ctx.rt(`${scalarToJson(ctx, field, wrapped)}Text`), `(${v})`];
      const form = stringFormHelper(field.message);
      if (form !== undefined) return [ctx.rt(`${form}Text`), `(${v})`];
      return [`${v}.$toJsonText(ctx)`];
    }
  }
}

/** A TypeScript string literal of `s`, single-quoted where that needs no escape: `'"id":'` reads better than `"\"id\":"`. */
function quoted(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) && !/['\\]/.test(s) ? `'${s}'` : literal(s);
}
