import { isFieldSet, type DescField, type DescMessage, type Message } from "@bufbuild/protobuf";
import type { ImportSymbol } from "@bufbuild/protoplugin";
import { FieldRulesSchema } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import { literal, type Line } from "../code.js";
import type { FileContext } from "../context.js";
import { RulePath } from "./paths.js";

/** What the emitters of one `$validate` share: the file context and the validate runtime's symbols. */
export interface ValidateContext extends FileContext {
  /** A symbol of `@tsgrpc/runtime/validate`. */
  v(name: string, typeOnly?: boolean): ImportSymbol;
}

/**
 * Where a value is checked: the expression holding it (a local `v` the caller declared), the field
 * step and subscript expression of its field path, whether it is a map key, and the path of its
 * rules message (`FieldRules.string`, `FieldRules.repeated.items.string`, ...).
 */
export interface Site {
  readonly step: string;
  readonly sub: string;
  readonly forKey: boolean;
  readonly rules: RulePath;
}

/** The statement recording a violation of `rule` (a field of the rules message at `s.rules`). */
export function violation(s: Site, rule: DescField | RulePath, id: string, message: string): string {
  const path = rule instanceof RulePath ? rule : s.rules.with(rule);
  return `c.add(p, ${s.step}, ${s.sub}, ${path.toString()}, ${literal(id)}, ${literal(message)}${s.forKey ? ", true" : ""});`;
}

/** The statement recording a violation that has no rule field: `{ if (cond) c.add(...) }`. */
export function check(cond: Line | string, stmt: string): Line {
  return ["if (", ...(typeof cond === "string" ? [cond] : cond), ") ", stmt];
}

/** A field of a rules message by its proto name (`FieldRules.string` → `StringRules.min_len`). */
export function ruleField(kind: string, name: string): DescField {
  const f = ruleMessage(kind).fields.find((x) => x.name === name);
  if (!f) throw new Error(`buf.validate: no rule ${kind}.${name}`);
  return f;
}

export function ruleMessage(kind: string): DescMessage {
  const f = FieldRulesSchema.fields.find((x) => x.name === kind);
  if (!f?.message) throw new Error(`buf.validate: no rules for ${kind}`);
  return f.message;
}

/** Whether a rule (by proto name) is set on a rules message. */
export function has(rules: Message, kind: string, name: string): boolean {
  return isFieldSet(rules as never, ruleField(kind, name));
}
