import type { DescField, DescMessage } from "@bufbuild/protobuf";
import type { FieldRules, MessageRules } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import type { Line } from "../code.js";
import { BadRuleError } from "./rules.js";
import type { ValidateContext } from "./site.js";
import type { Place } from "./value.js";

/** Custom CEL rules of a field (`cel`, `cel_expression`). */
export function celChecks(_x: ValidateContext, _at: Place, rules: FieldRules | undefined, field: DescField): Line[] {
  if (rules && (rules.cel.length || rules.celExpression.length)) throw new BadRuleError(field, "cel", "CEL rules are not supported yet");
  return [];
}

/** Custom CEL rules of a message. */
export function messageCelChecks(_x: ValidateContext, message: DescMessage, rules: MessageRules | undefined): Line[] {
  if (rules && (rules.cel.length || rules.celExpression.length)) throw new BadRuleError(message, "cel", "CEL rules are not supported yet");
  return [];
}
