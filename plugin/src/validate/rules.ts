import { getOption, hasOption, type DescField, type DescMessage, type DescOneof } from "@bufbuild/protobuf";
import {
  field as fieldExt,
  message as messageExt,
  oneof as oneofExt,
  type FieldRules,
  type MessageRules,
} from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";

/** The `buf.validate` options of schema elements, decoded with the extensions of protovalidate's own `validate.proto`. */

export function fieldRules(field: DescField): FieldRules | undefined {
  return hasOption(field, fieldExt) ? getOption(field, fieldExt) : undefined;
}

export function messageRules(message: DescMessage): MessageRules | undefined {
  return hasOption(message, messageExt) ? getOption(message, messageExt) : undefined;
}

export function oneofRequired(oneof: DescOneof): boolean {
  return hasOption(oneof, oneofExt) && getOption(oneof, oneofExt).required;
}

/** A rule that does not fit where it is used; names the element and the rule so the schema can be fixed. */
export class BadRuleError extends Error {
  override readonly name = "BadRuleError";
  constructor(
    readonly where: DescField | DescMessage | DescOneof,
    readonly rule: string,
    readonly problem: string,
  ) {
    super(`${location(where)}: rule ${rule}: ${problem}`);
  }
}

function location(where: DescField | DescMessage | DescOneof): string {
  const file = where.kind === "message" ? where.file : where.parent.file;
  const what =
    where.kind === "message"
      ? `message ${where.typeName}`
      : where.kind === "oneof"
        ? `oneof ${where.parent.typeName}.${where.name}`
        : `field ${where.parent.typeName}.${where.name}`;
  return `${file.proto.name}: ${what}`;
}
