import { isFieldSet, type DescEnum } from "@bufbuild/protobuf";
import type { BoolRules, EnumRules } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import type { Line } from "../code.js";
import { any, notAny } from "./numeric.js";
import { check, ruleField, violation, type Site } from "./site.js";

/** Checks of `buf.validate.EnumRules` (`defined_only` first, as protovalidate) and `BoolRules`. */
export function enumChecks(s: Site, rules: EnumRules, e: DescEnum): Line[] {
  const F = (name: string) => ruleField("enum", name);
  const out: Line[] = definedOnlyCheck(s, rules, e);
  if (isFieldSet(rules, F("const"))) out.push(check(`v !== ${rules.const}`, violation(s, F("const"), "enum.const", `must equal ${rules.const}`)));
  if (rules.in.length) out.push(check(notAny(rules.in.map(String)), violation(s, F("in"), "enum.in", `must be in list [${rules.in.join(", ")}]`)));
  if (rules.notIn.length)
    out.push(check(any(rules.notIn.map(String)), violation(s, F("not_in"), "enum.not_in", `must not be in list [${rules.notIn.join(", ")}]`)));
  return out;
}

/** `defined_only`, which protovalidate checks apart from (and before) the other enum rules. */
export function definedOnlyCheck(s: Site, rules: EnumRules, e: DescEnum): Line[] {
  if (!rules.definedOnly) return [];
  const numbers = [...new Set(e.values.map((v) => String(v.number)))];
  return [check(notAny(numbers), violation(s, ruleField("enum", "defined_only"), "enum.defined_only", "value must be one of the defined enum values"))];
}

export function boolChecks(s: Site, rules: BoolRules): Line[] {
  const F = ruleField("bool", "const");
  if (!isFieldSet(rules, F)) return [];
  return [check(`v !== ${rules.const}`, violation(s, F, "bool.const", `must equal ${rules.const}`))];
}
