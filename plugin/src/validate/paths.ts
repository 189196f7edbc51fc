import type { DescExtension, DescField } from "@bufbuild/protobuf";
import { FieldRulesSchema } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import { literal } from "../code.js";

/** Field and rule path steps as literals of the runtime's `PathStep` (`[number, name, type, keyType?, valueType?]`). */

const TYPE_GROUP = 10,
  TYPE_MESSAGE = 11,
  TYPE_ENUM = 14;

/** The step of a field of a validated message; a map field names its key and value types. */
export function fieldStep(field: DescField): string {
  const type = field.fieldKind === "message" && field.delimitedEncoding ? TYPE_GROUP : field.proto.type;
  const head = `${field.number}, ${literal(field.name)}, ${type}`;
  if (field.fieldKind !== "map") return `[${head}]`;
  const value = field.mapKind === "message" ? TYPE_MESSAGE : field.mapKind === "enum" ? TYPE_ENUM : field.scalar;
  return `[${head}, ${field.mapKey}, ${value}]`;
}

/** The step of a oneof (no number, no type). */
export function oneofStep(name: string): string {
  return `[0, ${literal(name)}, 0]`;
}

/** A rule path: fields of `buf.validate.FieldRules` and the rule messages below it, ending with an extension for a predefined rule. */
export class RulePath {
  /** `index`: a subscript of the last field (`cel[1]`). */
  constructor(
    readonly fields: readonly (DescField | DescExtension)[] = [],
    readonly index?: number,
  ) {}

  /** The path to item `index` of the repeated rule `field` below this one. */
  item(field: DescField, index: number): RulePath {
    return new RulePath([...this.fields, field], index);
  }

  static of(name: string): RulePath {
    return new RulePath([FieldRulesSchema.field[name as keyof typeof FieldRulesSchema.field]]);
  }

  with(...fields: (DescField | DescExtension)[]): RulePath {
    return new RulePath([...this.fields, ...fields]);
  }

  toString(): string {
    const last = this.fields.length - 1;
    // protovalidate names an extension `[full.name]`.
    const name = (f: DescField | DescExtension) => (f.kind === "extension" ? `[${f.typeName}]` : f.name);
    return `[${this.fields.map((f, i) => `[${f.number}, ${literal(name(f))}, ${f.proto.type}${i === last && this.index !== undefined ? `, ${this.index}` : ""}]`).join(", ")}]`;
  }
}
