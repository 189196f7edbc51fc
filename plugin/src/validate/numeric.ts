import type { Line } from "../code.js";
import { check, has, ruleField, violation, type Site } from "./site.js";

/** Checks of the numeric rules (`int32` ... `double`), in the order protovalidate evaluates them. */

type Num = number | bigint;
interface NumericRules {
  const?: Num;
  in: Num[];
  notIn: Num[];
  lessThan: { case: "lt" | "lte"; value: Num } | { case: undefined };
  greaterThan: { case: "gt" | "gte"; value: Num } | { case: undefined };
  finite?: boolean;
}

export const isFloatKind = (kind: string): boolean => kind === "float" || kind === "double";

/** `v` is the value; 64-bit kinds hold a bigint (callers convert string-represented ones). */
export function numericChecks(s: Site, kind: string, rules: NumericRules): Line[] {
  const float = isFloatKind(kind);
  const lit = (n: Num): string =>
    typeof n === "bigint"
      ? `${n}n`
      : Object.is(n, -0)
        ? "-0"
        : Number.isNaN(n)
          ? "NaN"
          : n === Infinity
            ? "Infinity"
            : n === -Infinity
              ? "-Infinity"
              : String(n);
  const show = (n: Num): string => (typeof n === "bigint" ? n.toString() : Number.isNaN(n) ? "NaN" : String(n));
  const list = (ns: Num[]): string => `[${ns.map(show).join(", ")}]`;
  const rf = (name: string) => ruleField(kind, name);
  const out: Line[] = [];
  if (has(rules as never, kind, "const"))
    out.push(check(`v !== ${lit(rules.const!)}`, violation(s, rf("const"), `${kind}.const`, `must equal ${show(rules.const!)}`)));
  const lo = rules.greaterThan.case === undefined ? undefined : { kind: rules.greaterThan.case, val: rules.greaterThan.value };
  const hi = rules.lessThan.case === undefined ? undefined : { kind: rules.lessThan.case, val: rules.lessThan.value };
  const nan = float ? "v !== v || " : "";
  const below = lo && `v ${lo.kind === "gt" ? "<=" : "<"} ${lit(lo.val)}`;
  const above = hi && `v ${hi.kind === "lt" ? ">=" : ">"} ${lit(hi.val)}`;
  const loText = lo && `greater than ${lo.kind === "gte" ? "or equal to " : ""}${show(lo.val)}`;
  const hiText = hi && `less than ${hi.kind === "lte" ? "or equal to " : ""}${show(hi.val)}`;
  if (lo && hi) {
    const normal = hi.val >= lo.val;
    const cond = normal ? `${nan}${above} || ${below}` : `${nan}(${above} && ${below})`;
    const id = `${kind}.${lo.kind}_${hi.kind}${normal ? "" : "_exclusive"}`;
    out.push(check(cond, violation(s, rf(lo.kind), id, `must be ${loText} ${normal ? "and" : "or"} ${hiText}`)));
  } else if (lo) {
    out.push(check(`${nan}${below}`, violation(s, rf(lo.kind), `${kind}.${lo.kind}`, `must be ${loText}`)));
  } else if (hi) {
    out.push(check(`${nan}${above}`, violation(s, rf(hi.kind), `${kind}.${hi.kind}`, `must be ${hiText}`)));
  }
  if (rules.in.length) out.push(check(notAny(rules.in.map(lit)), violation(s, rf("in"), `${kind}.in`, `must be in list ${list(rules.in)}`)));
  if (rules.notIn.length) out.push(check(any(rules.notIn.map(lit)), violation(s, rf("not_in"), `${kind}.not_in`, `must not be in list ${list(rules.notIn)}`)));
  if (float && rules.finite) out.push(check("!Number.isFinite(v)", violation(s, rf("finite"), `${kind}.finite`, "must be finite")));
  return out;
}

/** `v === a || v === b` (`===`: NaN is in no list, -0 is 0). */
export function any(values: string[]): string {
  return `(${values.map((x) => `v === ${x}`).join(" || ")})`;
}

export function notAny(values: string[]): string {
  return `!${any(values)}`;
}
