import type { DescEnum, DescField, DescMessage } from "@bufbuild/protobuf";
import { ScalarType } from "@bufbuild/protobuf";
import { FeatureSet_FieldPresence } from "@bufbuild/protobuf/wkt";
import { block, literal, type Line } from "./code.js";
import type { FileContext } from "./context.js";
import { hasOwnJsonForm, scalarJsonHelper, scalarTypeOf, stringFormHelper } from "./json-common.js";
import { fieldName, oneofName } from "./names.js";
import { scalarInfo, scalarIsSet } from "./scalar.js";
import { unboxedWrapper } from "./wrappers.js";

/**
 * `$toJson`: the JSON object under the default write options, keys in
 * declaration order as the field table writes them, each set field stored
 * under its JSON name by a plain property store. The runtime's helpers check
 * every value; one they cannot write makes writeJson fall back to the field
 * table, which names the field in its error. Well-known types with their own
 * JSON form, and a message with a field whose JSON name is `__proto__`, keep
 * the runtime's table-driven `$toJson`.
 */
export function generateToJson(ctx: FileContext, message: DescMessage): Line[] {
  if (hasOwnJsonForm(message) || message.fields.some((f) => f.jsonName === "__proto__")) return [];
  const body: Line[] = [["const j: ", ctx.rt("JsonObject", true), " = {};"]];
  if (message.fields.some((f) => f.fieldKind === "map")) body.push(["let m: ", ctx.rt("JsonObject", true), " | undefined;"]);
  for (const field of message.fields) body.push(...writeField(ctx, field));
  const extensions = message.proto.extensionRange.length > 0;
  if (extensions) body.push([ctx.rt("extensionsToJson"), "(this, j, ctx);"]);
  body.push(["return j;"]);
  // The context only travels to messages, collections and extensions; noUnusedParameters wants `_` otherwise.
  const param = extensions || message.fields.some(passesCtx) ? "ctx" : "_ctx";
  return [[], ...block(["override $toJson(", param, ": ", ctx.rt("JsonWriteContext", true), "): ", ctx.rt("JsonObject", true)], body)];
}

function writeField(ctx: FileContext, field: DescField): Line[] {
  const key = `j[${literal(field.jsonName)}]`;
  const x = `this.${fieldName(field)}`;
  switch (field.fieldKind) {
    case "scalar":
    case "enum":
    case "message": {
      const value = field.oneof ? `this.${oneofName(field.oneof)}.value` : x;
      return [["if (", isSet(ctx, field, x), `) ${key} = `, ...singularToJson(ctx, field, value), ";"]];
    }
    case "list": {
      let list: Line;
      if (field.listKind === "message") list = [ctx.rt("messageListToJson"), `(${x}, ctx)`];
      else if (field.listKind === "enum") list = [ctx.rt("enumListToJson"), `(${x}, `, ctx.enumInfo(field.enum), ")"];
      else list = [ctx.rt("scalarListToJson"), `(${x}, `, ...scalarTypeOf(ctx, field.scalar), ", ctx)"];
      return [[`if (${x}.length !== 0) ${key} = `, ...list, ";"]];
    }
    case "map": {
      let map: Line;
      if (field.mapKind === "message") map = [ctx.rt("messageMapToJson"), `(${x}, ctx)`];
      else if (field.mapKind === "enum") map = [ctx.rt("enumMapToJson"), `(${x}, `, ctx.enumInfo(field.enum), ")"];
      else map = [ctx.rt("scalarMapToJson"), `(${x}, `, ...scalarTypeOf(ctx, field.scalar), ")"];
      return [["m = ", ...map, ";"], [`if (m !== undefined) ${key} = m;`]];
    }
  }
}

export function passesCtx(field: DescField): boolean {
  switch (field.fieldKind) {
    case "message":
      return unboxedWrapper(field) === undefined && stringFormHelper(field.message) === undefined;
    case "list":
      return field.listKind !== "enum";
    case "map":
      return field.mapKind === "message";
    default:
      return false;
  }
}

/** When a singular field is written: oneof member selected, explicit presence set, or (implicit presence) not its zero value. */
export function isSet(ctx: FileContext, field: DescField & { fieldKind: "scalar" | "enum" | "message" }, x: string): string {
  if (field.oneof) return `this.${oneofName(field.oneof)}.case === ${literal(fieldName(field))}`;
  if (field.fieldKind === "message" || field.presence !== FeatureSet_FieldPresence.IMPLICIT) return `${x} !== undefined`;
  if (field.fieldKind === "enum") return `${x} !== 0`;
  // The field table omits a bool only when it is `false` (a truthiness test would also omit a wrong-typed 0).
  if (field.scalar === ScalarType.BOOL) return `${x} !== false`;
  return scalarIsSet(field.scalar, ctx.long(field), x);
}

function singularToJson(ctx: FileContext, field: DescField & { fieldKind: "scalar" | "enum" | "message" }, v: string): Line {
  switch (field.fieldKind) {
    case "scalar":
      return [ctx.rt(scalarToJson(ctx, field, field.scalar)), `(${v})`];
    case "enum":
      return enumToJson(ctx, field.enum, v);
    case "message": {
      const wrapped = unboxedWrapper(field);
      if (wrapped !== undefined) return [ctx.rt(scalarToJson(ctx, field, wrapped)), `(${v})`];
      const form = stringFormHelper(field.message);
      if (form !== undefined) return [ctx.rt(form), `(${v})`];
      return [`${v}.$toJson(ctx)`];
    }
  }
}

/** The helper writing one scalar; 64-bit fields held as strings have their own. */
export function scalarToJson(ctx: FileContext, field: DescField, t: ScalarType): string {
  const helper = scalarJsonHelper(t, "ToJson");
  return scalarInfo(t).is64 && ctx.long(field) === "string" ? helper.replace("ToJson", "StringToJson") : helper;
}

function enumToJson(ctx: FileContext, e: DescEnum, v: string): Line {
  return [ctx.rt("enumToJson"), "(", ctx.enumInfo(e), `, ${v})`];
}
