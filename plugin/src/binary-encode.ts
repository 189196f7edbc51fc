import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { FeatureSet_FieldPresence } from "@bufbuild/protobuf/wkt";
import { block, literal, type Line } from "./code.js";
import type { FileContext } from "./context.js";
import { fieldName, oneofName } from "./names.js";
import { fieldWrite, forkField, scalarInfo, scalarIsSet, scalarWrite, tag, WireType } from "./scalar.js";
import { encodeWrapper } from "./wrapper-codec.js";
import { unboxedWrapper } from "./wrappers.js";

/** `$encode`: every field in field-number order (as protobuf C++ writes them), then the unknown fields. */
export function generateEncode(ctx: FileContext, message: DescMessage): Line[] {
  const body: Line[] = [];
  for (const field of [...message.fields].sort((a, b) => a.number - b.number)) body.push(...encodeField(ctx, field));
  body.push(["w.unknown(this);"]);
  return block(["$encode(w: ", ctx.rt("BinaryWriter", true), "): void"], body);
}

function encodeField(ctx: FileContext, field: DescField): Line[] {
  const x = `this.${fieldName(field)}`;
  switch (field.fieldKind) {
    case "scalar":
    case "enum": {
      const t = field.fieldKind === "enum" ? ScalarType.INT32 : field.scalar;
      return block(["if (", singularIsSet(ctx, field, t, x), ")"], [[fieldWrite(t, field.number, valueOf(field, x))]]);
    }
    case "message": {
      const wrapped = unboxedWrapper(field);
      const write =
        wrapped === undefined ? writeMessage(field.number, field.delimitedEncoding, valueOf(field, x)) : encodeWrapper(ctx, field, wrapped, valueOf(field, x));
      return block(["if (", singularIsSet(ctx, field, ScalarType.INT32, x), ")"], write);
    }
    case "list":
      if (field.listKind === "message") {
        return block([`for (const v of ${x})`], writeMessage(field.number, field.delimitedEncoding, "v"));
      } else {
        const t = field.listKind === "enum" ? ScalarType.INT32 : field.scalar;
        const bulk = field.packed ? packedWriter[t] : undefined;
        if (bulk !== undefined) {
          // The writer lays out the whole packed array with one capacity check, no per-value call.
          return block([`if (${x}.length)`], [[`w.uint32(${tag(field.number, WireType.LengthDelimited)}).${bulk}(${x});`]]);
        }
        if (field.packed) {
          return block(
            [`if (${x}.length)`],
            [[`const mark = ${forkField(field.number)};`], [`for (const v of ${x}) ${scalarWrite(t, "v")}`], ["w.join(mark);"]],
          );
        }
        return block([`for (const v of ${x})`], [[fieldWrite(t, field.number, "v")]]);
      }
    case "map": {
      // `k` comes from Object.keys, so the entry exists: the assertion satisfies noUncheckedIndexedAccess
      // at no cost (Object.entries would allocate a pair per entry).
      const entryValue = `${x}[k]!`;
      if (field.mapKey === ScalarType.STRING && field.mapKind === "scalar" && field.scalar === ScalarType.STRING) {
        // The commonest map (labels, attributes, metadata) has a writer call for the whole entry.
        return block([`for (const k of Object.keys(${x}))`], [[`w.fieldStringEntry(${tag(field.number, WireType.LengthDelimited)}, k, ${entryValue});`]]);
      }
      const value: Line[] =
        field.mapKind === "message"
          ? writeMessage(2, false, entryValue)
          : (() => {
              const t = field.mapKind === "enum" ? ScalarType.INT32 : field.scalar;
              return [[fieldWrite(t, 2, entryValue)]];
            })();
      return block(
        [`for (const k of Object.keys(${x}))`],
        [[`const entry = ${forkField(field.number)};`], [fieldWrite(field.mapKey, 1, mapKeyFromString(field.mapKey, "k"))], ...value, ["w.join(entry);"]],
      );
    }
  }
}

/** BinaryWriter's packed-array method per scalar type that has one (the fixed-width integers and bool go value by value). */
const packedWriter: Partial<Record<ScalarType, string>> = {
  [ScalarType.DOUBLE]: "doubles",
  [ScalarType.FLOAT]: "floats",
  [ScalarType.INT32]: "int32s",
  [ScalarType.UINT32]: "uint32s",
  [ScalarType.SINT32]: "sint32s",
  [ScalarType.INT64]: "int64s",
  [ScalarType.UINT64]: "uint64s",
  [ScalarType.SINT64]: "sint64s",
};

/** The condition under which a singular field is written. */
function singularIsSet(ctx: FileContext, field: DescField, t: ScalarType, x: string): string {
  if (field.oneof) return `this.${oneofName(field.oneof)}.case === ${literal(fieldName(field))}`;
  if (field.fieldKind === "message" || field.presence !== FeatureSet_FieldPresence.IMPLICIT) return `${x} !== undefined`;
  return scalarIsSet(t, ctx.long(field), x);
}

/** Where a singular field's value lives: its property, or the value of its oneof (narrowed by the condition). */
function valueOf(field: DescField, x: string): string {
  return field.oneof ? `this.${oneofName(field.oneof)}.value` : x;
}

function writeMessage(fieldNo: number, delimited: boolean, v: string): Line[] {
  if (delimited) {
    return [[`w.uint32(${tag(fieldNo, WireType.StartGroup)});`], [`${v}.$encode(w);`], [`w.uint32(${tag(fieldNo, WireType.EndGroup)});`]];
  }
  return [[`const mark = ${forkField(fieldNo)};`], [`${v}.$encode(w);`], ["w.join(mark);"]];
}

/** Map keys are stored in their string form; this turns one back into what the writer takes. */
function mapKeyFromString(t: ScalarType, k: string): string {
  if (t === ScalarType.STRING || scalarInfo(t).is64) return k;
  if (t === ScalarType.BOOL) return `${k} === "true"`;
  return `Number(${k})`;
}
