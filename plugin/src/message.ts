import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { FeatureSet_FieldPresence } from "@bufbuild/protobuf/wkt";
import { generateDecode } from "./binary-decode.js";
import { generateEncode } from "./binary-encode.js";
import { indent, literal, type Line } from "./code.js";
import { jsonFormMember } from "./json-common.js";
import { generateFromJson } from "./json-read.js";
import { generateToJson } from "./json-write.js";
import { generateToJsonText } from "./json-text.js";
import { tsDoc } from "./comments.js";
import type { FileContext } from "./context.js";
import { enumDefault } from "./enum.js";
import { fieldTable } from "./field-table.js";
import { fieldName, oneofName, typeName } from "./names.js";
import { scalarTsType, scalarZero } from "./scalar.js";
import { validateMember } from "./validate/message.js";
import { wktHelpers } from "./wkt-helpers.js";
import { unboxedWrapper } from "./wrappers.js";

/** The class of one message (nested types are emitted separately, named `Outer_Inner`). */
export function generateMessage(ctx: FileContext, message: DescMessage): Line[] {
  const name = typeName(message);
  const body: Line[] = [
    [`static readonly typeName = ${literal(message.typeName)};`],
    ...fieldTable(ctx, message),
    ...jsonFormMember(ctx, message),
    ...properties(ctx, message),
    [],
    ["constructor(init?: ", ctx.rt("PartialMessage", true), `<${name}>) {`],
    ["  super();"],
    ["  if (init) ", ctx.rt("initPartial"), "(this, init);"],
    ["}"],
    [],
    ...generateEncode(ctx, message),
    [],
    ...generateDecode(ctx, message),
    ...generateToJson(ctx, message),
    ...generateToJsonText(ctx, message),
    ...generateFromJson(ctx, message),
    ...wktHelpers(ctx, message),
    ...validateMember(ctx, message, ctx.validate.module, ctx.validate.badRules),
  ];
  return [...tsDoc(message), [ctx.g.export("class", name), " extends ", ctx.rt("Message"), `<${name}> {`], ...indent(body), ["}"]];
}

/** One property per field or oneof, in declaration order. */
function properties(ctx: FileContext, message: DescMessage): Line[] {
  const lines: Line[] = [];
  for (const member of message.members) {
    if (member.kind === "oneof") {
      const cases = member.fields.map((f): Line => [`{ case: ${literal(fieldName(f))}; value: `, ...valueType(ctx, f), " }"]);
      const union = cases.flatMap((c) => [...c, " | "]);
      lines.push(...tsDoc(member), [`${oneofName(member)}: `, ...union, "{ case: undefined; value?: undefined } = { case: undefined };"]);
    } else {
      lines.push(...tsDoc(member), property(ctx, member));
    }
  }
  return lines;
}

function property(ctx: FileContext, field: DescField): Line {
  const name = fieldName(field);
  switch (field.fieldKind) {
    case "list":
      return [`${name}: `, ...valueType(ctx, field), "[] = [];"];
    case "map":
      return [`${name}: { [key: string]: `, ...valueType(ctx, field), " } = ", ctx.rt("newMap"), "();"];
    case "message":
      return [`${name}?: `, ...valueType(ctx, field), ";"];
    case "enum":
    case "scalar":
      if (field.presence !== FeatureSet_FieldPresence.IMPLICIT) return [`${name}?: `, ...valueType(ctx, field), ";"];
      if (field.fieldKind === "enum") return [`${name}: `, ctx.type(field.enum), " = ", ...enumDefault(ctx, field.enum), ";"];
      // Bytes get an explicit type: `new Uint8Array(0)` alone would infer Uint8Array<ArrayBuffer>.
      if (field.scalar === ScalarType.BYTES) return [`${name}: Uint8Array = new Uint8Array(0);`];
      return [`${name} = ${scalarZero(field.scalar, ctx.long(field))};`];
  }
}

/** The TypeScript type of one value of a field (an element for lists, a value for maps). */
function valueType(ctx: FileContext, field: DescField): Line {
  const kind = field.fieldKind === "list" ? field.listKind : field.fieldKind === "map" ? field.mapKind : field.fieldKind;
  switch (kind) {
    case "message": {
      const wrapped = unboxedWrapper(field);
      return [wrapped === undefined ? ctx.type(field.message!) : scalarTsType(wrapped, ctx.long(field))];
    }
    case "enum":
      return [ctx.type(field.enum!)];
    default:
      return [scalarTsType(field.scalar!, ctx.long(field))];
  }
}
