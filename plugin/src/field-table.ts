import { ScalarType, type DescEnum, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { FeatureSet_FieldPresence } from "@bufbuild/protobuf/wkt";
import type { FileContext } from "./context.js";
import { literal, type Line } from "./code.js";
import { enumValueName, fieldName, oneofName } from "./names.js";
import { scalarInfo, type LongRepr } from "./scalar.js";
import { unboxedWrapper } from "./wrappers.js";

/**
 * The `static readonly $fields: FieldList = fieldList(() => [...])` table: one FieldInfo per field, in
 * declaration order, then the message's reserved field names when it has any (text format skips those).
 * Typed, since declarations transpiled without the runtime at hand would say `any`.
 */
export function fieldTable(ctx: FileContext, message: DescMessage): Line[] {
  const entries = message.fields.map((f): Line => ["  ", ...fieldInfo(ctx, f), ","]);
  const reserved = message.proto.reservedName;
  const close = reserved.length ? `], [${reserved.map((n) => literal(n)).join(", ")}]);` : "]);";
  return [["static readonly $fields: ", ctx.rt("FieldList", true), " = /*@__PURE__*/ ", ctx.rt("fieldList"), "(() => ["], ...entries, [close]];
}

export function fieldInfo(ctx: FileContext, field: DescField): Line {
  const head = `{ no: ${field.number}, name: ${literal(field.name)}, localName: ${literal(fieldName(field))}, jsonName: ${literal(field.jsonName)}`;
  const oneof = field.oneof ? `, oneof: ${literal(oneofName(field.oneof))}` : "";
  const long = ctx.long(field);
  switch (field.fieldKind) {
    case "map": {
      const value: Line =
        field.mapKind === "scalar"
          ? scalarValue(ctx, field.scalar, long)
          : field.mapKind === "enum"
            ? enumValue(ctx, field.enum)
            : messageValue(ctx, field.message, false);
      return [head, ', kind: "map", K: ', ctx.rt("ScalarType"), `.${scalarInfo(field.mapKey).enumMember}, V: { `, ...value, " } }"];
    }
    case "list": {
      const value =
        field.listKind === "scalar"
          ? scalarValue(ctx, field.scalar, long)
          : field.listKind === "enum"
            ? enumValue(ctx, field.enum)
            : messageValue(ctx, field.message, field.delimitedEncoding);
      const packed = field.listKind !== "message" && field.packed ? ", packed: true" : "";
      return [head, ", ", ...value, `, repeated: true${packed} }`];
    }
    case "message": {
      const wrapped = unboxedWrapper(field);
      if (wrapped !== undefined) {
        // The property holds the wrapper's value; `wrapper` names the message it travels in.
        return [head, oneof, ", ", ...scalarValue(ctx, wrapped, long), presence(field), ", wrapper: ", ctx.type(field.message), " }"];
      }
      return [head, oneof, ", ", ...messageValue(ctx, field.message, field.delimitedEncoding), " }"];
    }
    case "enum":
    case "scalar": {
      const value = field.fieldKind === "enum" ? enumValue(ctx, field.enum) : scalarValue(ctx, field.scalar, long);
      const dflt = defaultValue(ctx, field, long);
      return [head, oneof, ", ", ...value, presence(field), ...(dflt ? [", default: ", ...dflt] : []), " }"];
    }
  }
}

function presence(field: DescField): string {
  if (field.oneof) return "";
  switch (field.presence) {
    case FeatureSet_FieldPresence.EXPLICIT:
      return ', presence: "explicit"';
    case FeatureSet_FieldPresence.LEGACY_REQUIRED:
      return ', presence: "required"';
    default:
      return "";
  }
}

function scalarValue(ctx: FileContext, t: ScalarType, long: LongRepr): Line {
  const { enumMember, is64 } = scalarInfo(t);
  const l: Line = is64 && long === "string" ? [", L: ", ctx.rt("LongType"), ".STRING"] : [];
  return ['kind: "scalar", T: ', ctx.rt("ScalarType"), `.${enumMember}`, ...l];
}

function enumValue(ctx: FileContext, e: DescEnum): Line {
  return ['kind: "enum", T: ', ctx.enumInfo(e)];
}

function messageValue(ctx: FileContext, m: DescMessage, delimited: boolean): Line {
  return ['kind: "message", T: ', ctx.type(m), delimited ? ", delimited: true" : ""];
}

/** A proto2 `[default = ...]` in its TypeScript representation, or undefined when the field declares none. */
function defaultValue(ctx: FileContext, field: DescField & { fieldKind: "scalar" | "enum" }, long: LongRepr): Line | undefined {
  const v = field.getDefaultValue();
  if (v === undefined) return undefined;
  if (field.fieldKind === "enum") {
    const member = field.enum.values.find((e) => e.number === v);
    return member ? [ctx.type(field.enum), `.${enumValueName(member)}`] : [String(v)];
  }
  // protoc writes a float default as typed ("9e+09"), buf as the float32 it becomes ("8.999999488e+09").
  const value = field.scalar === ScalarType.FLOAT ? Math.fround(v as number) : v;
  return [scalarLiteral(field.scalar, value, long)];
}

/** A scalar value as a TypeScript expression. */
export function scalarLiteral(t: ScalarType, v: unknown, long: LongRepr): string {
  if (v instanceof Uint8Array) return `new Uint8Array([${Array.from(v).join(", ")}])`;
  if (scalarInfo(t).is64) return long === "bigint" ? `${String(v)}n` : literal(String(v));
  switch (typeof v) {
    case "string":
      return literal(v);
    case "number":
      if (Object.is(v, -0)) return "-0";
      return Number.isNaN(v) ? "NaN" : v === Infinity ? "Infinity" : v === -Infinity ? "-Infinity" : String(v);
    default:
      return String(v);
  }
}
