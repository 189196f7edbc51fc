import { ScalarType, type DescEnum, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { FieldRulesSchema, type AnyRules, type FieldRules } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import type { Line } from "../code.js";
import { bytesChecks } from "./bytes.js";
import { cel, celChecks } from "./cel.js";
import { celThisOfMessage, celThisOfScalar } from "./cel-compile.js";
import { boolChecks, definedOnlyCheck, enumChecks } from "./enum.js";
import { messageRuleKind, scalarRuleKind, typeRules } from "./kinds.js";
import { needsValidation } from "./needs.js";
import { numericChecks } from "./numeric.js";
import { hasExtensions, predefinedChecks } from "./predefined.js";
import { RulePath } from "./paths.js";
import { check, ruleField, violation, type Site, type ValidateContext } from "./site.js";
import { stringChecks } from "./string.js";
import { timeChecks } from "./time.js";

/** What one value of a field is: a scalar, an enum, or a message (an unboxed wrapper is its scalar). */
export type ValueKind = { kind: "scalar"; scalar: ScalarType; wrapper?: string } | { kind: "enum"; enum: DescEnum } | { kind: "message"; message: DescMessage };

/** Where a value sits: its field step and subscript, whether it is a map key, and the path of its `FieldRules`. */
export interface Place {
  readonly step: string;
  readonly sub: string;
  readonly forKey: boolean;
  readonly base: RulePath;
}

/**
 * The checks of one value held in `v`, in protovalidate's order: the field's custom CEL rules, the
 * nested message's own validation, then the standard rules of its type.
 */
export function valueChecks(x: ValidateContext, at: Place, kind: ValueKind, rules: FieldRules | undefined, field: DescField): Line[] {
  const self: Line =
    kind.kind === "message" ? [cel(x, "celMessage"), "(v)"] : [cel(x, "celScalar"), `(${kind.kind === "enum" ? ScalarType.INT32 : kind.scalar}, v)`];
  const it = kind.kind === "message" ? celThisOfMessage(kind.message, "v") : celThisOfScalar(x, field, kind.kind === "enum" ? "enum" : kind.scalar, "v");
  const out: Line[] = [...celChecks(x, at, rules, field, self, it)];
  const want = kind.kind === "scalar" ? (kind.wrapper ?? scalarRuleKind(kind.scalar)) : kind.kind === "enum" ? "enum" : messageRuleKind(kind.message.typeName);
  const typed = typeRules<never>(rules, want, field);
  if (kind.kind === "message" && needsValidation(kind.message))
    out.push([x.type(kind.message), ".$validate(v, c, ", x.v("descend"), `(p, ${at.step}${at.sub === "undefined" ? "" : ", " + at.sub}));`]);
  if (typed === undefined || want === undefined) return out;
  const s: Site = { step: at.step, sub: at.sub, forKey: at.forKey, rules: at.base.with(FieldRulesSchema.field[want as keyof typeof FieldRulesSchema.field]) };
  if (hasExtensions(typed)) {
    // protovalidate-es presents an enum to these rules as a bare number (a CEL double); `defined_only` is checked before them.
    const isEnum = kind.kind === "enum";
    const first = isEnum ? definedOnlyCheck(s, typed, kind.enum) : [];
    const rulesSelf: Line = isEnum ? [cel(x, "celScalar"), `(${ScalarType.DOUBLE}, v)`] : self;
    return [...out, ...first, predefinedChecks(x, s, want, typed, field, rulesSelf, isEnum ? { code: ["v"], t: { k: "double" } } : it)];
  }
  const checks = standardChecks(x, s, want, typed, kind, field);
  if (kind.kind !== "message" || !kind.message.typeName.endsWith("Value")) return [...out, ...checks];
  // A wrapper message (in a list or map; singular ones are unboxed): its rules apply to `value`.
  return [...out, ["{"], ["  const w = v;"], ["  {"], ["    const v = w.value;"], ...checks.map((l) => ["    ", ...l]), ["  }"], ["}"]];
}

function standardChecks(x: ValidateContext, s: Site, want: string, typed: never, kind: ValueKind, field: DescField): Line[] {
  const out: Line[] = [];
  switch (want) {
    case "string":
      return [...out, ...stringChecks(x, s, typed, field)];
    case "bytes":
      return [...out, ...bytesChecks(x, s, typed, field)];
    case "bool":
      return [...out, ...boolChecks(s, typed)];
    case "enum":
      return [...out, ...enumChecks(s, typed, (kind as { enum: DescEnum }).enum)];
    case "duration":
    case "timestamp":
      return [...out, ...timeChecks(x, s, want, typed)];
    case "any":
      return [...out, ...anyChecks(s, typed)];
    case "fieldMask":
      return [...out, ...fieldMaskChecks(s, typed)];
    default:
      return [...out, ...numericChecks(s, want, typed)];
  }
}

function anyChecks(s: Site, rules: AnyRules): Line[] {
  const out: Line[] = [];
  const list = (xs: string[]) => xs.map((t) => JSON.stringify(t)).join(", ");
  if (rules.in.length)
    out.push(check(`![${list(rules.in)}].includes(v.typeUrl)`, violation(s, ruleField("any", "in"), "any.in", "type URL must be in the allow list")));
  if (rules.notIn.length)
    out.push(
      check(`[${list(rules.notIn)}].includes(v.typeUrl)`, violation(s, ruleField("any", "not_in"), "any.not_in", "type URL must not be in the block list")),
    );
  return out;
}

function fieldMaskChecks(s: Site, rules: { const?: { paths: string[] }; in: string[]; notIn: string[] }): Line[] {
  const F = (n: string) => ruleField("field_mask", n);
  const out: Line[] = [];
  const list = (xs: string[]) => `[${xs.map((t) => JSON.stringify(t)).join(", ")}]`;
  const show = (xs: string[]) => `[${xs.join(", ")}]`;
  if (rules.const) {
    const want = list(rules.const.paths);
    out.push(
      check(
        `v.paths.length !== ${rules.const.paths.length} || v.paths.some((x, i) => x !== ${want}[i])`,
        violation(s, F("const"), "field_mask.const", `must equal paths ${show(rules.const.paths)}`),
      ),
    );
  }
  const covered = (xs: string[]) => `${list(xs)}.some((f) => x === f || x.startsWith(f + "."))`;
  if (rules.in.length)
    out.push(check(`!v.paths.every((x) => ${covered(rules.in)})`, violation(s, F("in"), "field_mask.in", `must only contain paths in ${show(rules.in)}`)));
  if (rules.notIn.length)
    out.push(
      check(
        `!v.paths.every((x) => !${covered(rules.notIn)})`,
        violation(s, F("not_in"), "field_mask.not_in", `must not contain any paths in ${show(rules.notIn)}`),
      ),
    );
  return out;
}
