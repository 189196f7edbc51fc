import type { DescEnum } from "@bufbuild/protobuf";
import { indent, literal, type Line } from "./code.js";
import { tsDoc } from "./comments.js";
import type { FileContext } from "./context.js";
import { enumInfoName, enumValueName, typeName } from "./names.js";

/**
 * A TypeScript enum with the proto value names, and its `EnumType` for the
 * field table (TypeScript enums lose aliases and openness, so both are spelled out).
 */
export function generateEnum(ctx: FileContext, desc: DescEnum): Line[] {
  const name = typeName(desc);
  const lines: Line[] = [...tsDoc(desc), [ctx.g.export("enum", name), " {"]];
  for (const v of desc.values) lines.push(...indent([...tsDoc(v), [`${enumValueName(v)} = ${v.number},`]]));
  lines.push(["}"], []);
  lines.push([ctx.g.export("const", enumInfoName(desc)), ": ", ctx.rt("EnumType", true), " = {"]);
  lines.push([`  typeName: ${literal(desc.typeName)},`]);
  lines.push([`  open: ${desc.open},`]);
  lines.push(["  values: ["]);
  for (const v of desc.values) lines.push([`    { no: ${v.number}, name: ${literal(v.name)} },`]);
  lines.push(["  ],"], ["};"]);
  return lines;
}

/** An enum's default: its zero value, or for a closed enum without one, its first value. */
export function enumDefault(ctx: FileContext, desc: DescEnum): Line {
  const zero = desc.values.find((v) => v.number === 0) ?? desc.values[0];
  return [ctx.type(desc), `.${enumValueName(zero)}`];
}
