import { parse } from "@bufbuild/cel";
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import { FieldRulesSchema, type FieldRules, type MessageRules, type Rule } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import { literal, type Line } from "../code.js";
import { fileConstName } from "../names.js";
import { RulePath } from "./paths.js";
import { BadRuleError } from "./rules.js";
import type { ValidateContext } from "./site.js";
import type { Place } from "./value.js";
import { compileCel, type CelValue, type Code, type Expr } from "./cel-compile.js";

/**
 * Custom CEL rules (`cel`, `cel_expression`), checked through `@tsgrpc/runtime/validate/cel` (only
 * files with such rules import it). The plugin parses each expression, so a syntax error is a bad
 * rule at generation time, and compiles those in the subset of cel-compile.ts to TypeScript; the
 * others are evaluated at run time by `@bufbuild/cel`.
 */

interface Compiled {
  id: string;
  message: string;
  expression: string;
  rule: RulePath;
  parsed: Expr;
}

/**
 * The custom rules of a field's value (held in `v`); `self` says how to present it to CEL as `this`,
 * `it` how compiled rules read it (undefined: no rule is compiled).
 */
export function celChecks(x: ValidateContext, at: Place, rules: FieldRules | undefined, field: DescField, self: Line, it: CelValue | undefined): Line[] {
  if (!rules || (rules.cel.length === 0 && rules.celExpression.length === 0)) return [];
  const compiled = [
    ...rules.cel.map((r, i) => compile(field, r, at.base.item(FieldRulesSchema.field.cel, i))),
    ...rules.celExpression.map((e, i) => compile(field, { id: e, message: "", expression: e }, at.base.item(FieldRulesSchema.field.celExpression, i))),
  ];
  return [call(x, at.step, at.sub, at.forKey, self, it, compiled)];
}

/** The custom rules of a message (`cel_expression` first, as protovalidate), with `this` the message. */
export function messageCelChecks(x: ValidateContext, message: DescMessage, rules: MessageRules | undefined, it: CelValue | undefined): Line[] {
  if (!rules || (rules.cel.length === 0 && rules.celExpression.length === 0)) return [];
  const compiled = [
    ...rules.celExpression.map((e) => compile(message, { id: e, message: "", expression: e }, new RulePath())),
    ...rules.cel.map((r) => compile(message, r, new RulePath())),
  ];
  return [call(x, "undefined", "undefined", false, [cel(x, "celMessage"), "(m)"], it, compiled)];
}

/** A helper of the CEL runtime module. */
export function cel(x: ValidateContext, name: string) {
  return x.g.import(name, x.validate.module + "/cel");
}

function call(x: ValidateContext, step: string, sub: string, forKey: boolean, self: Line, it: CelValue | undefined, rules: Compiled[]): Line {
  const list: Line = [];
  rules.forEach((r, i) => {
    const fast: Code | undefined = compileCel(x, r.parsed, it);
    list.push(i ? ", [" : "[", `${literal(r.id)}, ${literal(r.message)}, ${literal(r.expression)}, ${r.rule.toString()}`);
    if (fast) list.push(", () => ", ...fast);
    list.push("]");
  });
  return [cel(x, "checkCel"), `(c, p, ${step}, ${sub}, ${forKey}, ${fileConstName(x.file)}, `, ...self, ", [", ...list, "]);"];
}

function compile(where: DescField | DescMessage, rule: Pick<Rule, "id" | "message" | "expression">, path: RulePath): Compiled {
  let parsed: Expr;
  try {
    parsed = parse(rule.expression).expr;
  } catch (cause) {
    throw new BadRuleError(where, `cel ${rule.id}`, `failed to compile ${rule.id}: ${String(cause)}`);
  }
  return { id: rule.id, message: rule.message, expression: rule.expression, rule: path, parsed };
}
