import { parse } from "@bufbuild/cel";
import type { DescField, DescMessage } from "@bufbuild/protobuf";
import { FieldRulesSchema, type FieldRules, type MessageRules, type Rule } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import { literal, type Line } from "../code.js";
import { fileConstName } from "../names.js";
import { RulePath } from "./paths.js";
import { BadRuleError } from "./rules.js";
import type { ValidateContext } from "./site.js";
import type { Place } from "./value.js";
import { badCall } from "./cel-check.js";
import { compileCel, type CelValue, type Code, type Expr, type Known } from "./cel-compile.js";

/**
 * Custom CEL rules (`cel`, `cel_expression`), checked through `@tsgrpc/runtime/validate/cel` (only
 * files with such rules import it). The plugin parses each expression, so a syntax error is a bad
 * rule at generation time, and compiles those in the subset of cel-compile.ts to TypeScript; the
 * others are evaluated at run time by `@bufbuild/cel`.
 */

/** A rule ready to emit: parsed, with its rule path; a predefined rule also names its extension and may bind `rule` as a constant. */
export interface CelRuleCode {
  id: string;
  message: string;
  expression: string;
  rule: RulePath;
  parsed: Expr;
  /** The extension whose value CEL reads as `rule` (full name). */
  ext?: string;
  /** Variables known at generation time (`rules`, `rule`) as `@bufbuild/cel` values: what reads only them is compiled as its value. */
  known?: Known;
}

/** The rules message a predefined rule reads as `rules`: its type name and proto3 JSON (with its extensions). */
export interface RulesBinding {
  typeName: string;
  json: string;
}

/**
 * The custom rules of a field's value (held in `v`); `self` says how to present it to CEL as `this`,
 * `it` how compiled rules read it (undefined: no rule is compiled).
 */
export function celChecks(x: ValidateContext, at: Place, rules: FieldRules | undefined, field: DescField, self: Line, it: CelValue | undefined): Line[] {
  if (!rules || (rules.cel.length === 0 && rules.celExpression.length === 0)) return [];
  const compiled = [
    ...rules.cel.map((r, i) => parseRule(x, field, r, at.base.item(FieldRulesSchema.field.cel, i))),
    ...rules.celExpression.map((e, i) => parseRule(x, field, { id: e, message: "", expression: e }, at.base.item(FieldRulesSchema.field.celExpression, i))),
  ];
  return [celCall(x, at.step, at.sub, at.forKey, self, it, compiled)];
}

/** The custom rules of a message (`cel_expression` first, as protovalidate), with `this` the message. */
export function messageCelChecks(x: ValidateContext, message: DescMessage, rules: MessageRules | undefined, it: CelValue | undefined): Line[] {
  if (!rules || (rules.cel.length === 0 && rules.celExpression.length === 0)) return [];
  const compiled = [
    ...rules.celExpression.map((e) => parseRule(x, message, { id: e, message: "", expression: e }, new RulePath())),
    ...rules.cel.map((r) => parseRule(x, message, r, new RulePath())),
  ];
  return [celCall(x, "undefined", "undefined", false, [cel(x, "celMessage"), "(m)"], it, compiled)];
}

/** A helper of the CEL runtime module. */
export function cel(x: ValidateContext, name: string) {
  return x.g.import(name, x.validate.module + "/cel");
}

/** The `checkCel` call evaluating `rules` on the value `self` presents to CEL (`it`: how compiled rules read it). */
export function celCall(
  x: ValidateContext,
  step: string,
  sub: string,
  forKey: boolean,
  self: Line,
  it: CelValue | undefined,
  rules: CelRuleCode[],
  binding?: RulesBinding,
): Line {
  const list: Line = [];
  rules.forEach((r, i) => {
    const fast: Code | undefined = compileCel(x, r.parsed, it, r.known);
    list.push(i ? ", [" : "[", `${literal(r.id)}, ${literal(r.message)}, ${literal(r.expression)}, ${r.rule.toString()}`);
    if (fast || r.ext) list.push(", ", ...(fast ? ["() => ", ...fast] : ["undefined"]));
    if (r.ext) list.push(", ", literal(r.ext));
    list.push("]");
  });
  const tail = binding ? `, ${literal(binding.typeName)}, ${literal(binding.json)}` : "";
  return [cel(x, "checkCel"), `(c, p, ${step}, ${sub}, ${forKey}, ${fileConstName(x.file)}, `, ...self, ", [", ...list, `]${tail});`];
}

/**
 * A rule parsed: a syntax error is a bad rule of `where`, and by default so is a call no function
 * of the runtime's CEL environment serves (cel-check.ts).
 */
export function parseRule(x: ValidateContext, where: DescField | DescMessage, rule: Pick<Rule, "id" | "message" | "expression">, path: RulePath): CelRuleCode {
  let parsed: Expr;
  try {
    parsed = parse(rule.expression).expr;
  } catch (cause) {
    throw new BadRuleError(where, `cel ${rule.id}`, `failed to compile ${rule.id}: ${String(cause)}`);
  }
  const bad = x.validate.badRules === "error" ? badCall(parsed) : undefined;
  if (bad) throw new BadRuleError(where, `cel ${rule.id}`, `${bad} in expression ${JSON.stringify(rule.expression)}`);
  return { id: rule.id, message: rule.message, expression: rule.expression, rule: path, parsed };
}
