import { celEnv } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import type { Expr } from "./cel-compile.js";

/**
 * The calls of a CEL expression checked at generation time against the functions the runtime's
 * environment has: `@bufbuild/cel`'s standard library, its strings extension, and protovalidate's
 * own functions (runtime/src/validate/cel.ts). A function it lacks, or one called in a form (as a
 * method or a function) or with an argument count none of its overloads has, fails whenever the
 * rule runs. protovalidate-es accepts such an expression when planning it and fails only when it
 * evaluates it (a RuntimeError: "unbound function", "found no matching overload"), which is what
 * `bad_rules=validator` keeps.
 */

/** Forms the planner evaluates itself (logic, the conditional, indexing, the macros' loop condition). */
const special = new Set(["_&&_", "_||_", "_?_:_", "_[_]", "@not_strictly_false"]);

/** protovalidate's functions by name: their forms, `m<n>` a method of n arguments, `f<n>` a function. */
const protovalidate: Record<string, string[]> = {
  isNan: ["m0"],
  isInf: ["m0", "m1"],
  isHostname: ["m0"],
  isHostAndPort: ["m1"],
  isEmail: ["m0"],
  isIp: ["m0", "m1"],
  isIpPrefix: ["m0", "m1", "m2"],
  isUri: ["m0"],
  isUriRef: ["m0"],
  unique: ["m0"],
  getField: ["f2"],
};

const env = celEnv({ funcs: [...strings] });

/** The forms a function has in the runtime's environment (none: unknown). */
function forms(name: string): string[] {
  const group = env.funcs.find(name);
  const std = group ? [...group].map((f) => `${f.target ? "m" : "f"}${f.arguments.length}`) : [];
  return [...new Set([...std, ...(protovalidate[name] ?? [])])];
}

/** What is wrong with the first call no overload can serve, or undefined. */
export function badCall(e: Expr): string | undefined {
  const k = e.exprKind;
  switch (k.case) {
    case "callExpr": {
      const { function: name, target, args } = k.value;
      if (!special.has(name)) {
        const form = `${target ? "m" : "f"}${args.length}`;
        const known = forms(name);
        const shown = target ? `.${name}()` : `${name}()`;
        if (known.length === 0) return `unknown function ${shown}`;
        if (!known.includes(form))
          return `no overload of ${shown} takes ${args.length} argument(s)${target ? " as a method" : " as a function"} (${describe(known)})`;
      }
      return (target && badCall(target)) ?? first(args);
    }
    case "selectExpr":
      return k.value.operand && badCall(k.value.operand);
    case "listExpr":
      return first(k.value.elements);
    case "structExpr":
      return first(k.value.entries.flatMap((x) => [...(x.keyKind.case === "mapKey" ? [x.keyKind.value] : []), ...(x.value ? [x.value] : [])]));
    case "comprehensionExpr": {
      const c = k.value;
      return first([c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result].filter((x): x is Expr => x !== undefined));
    }
    default:
      return undefined;
  }
}

function first(xs: readonly Expr[]): string | undefined {
  for (const x of xs) {
    const bad = badCall(x);
    if (bad) return bad;
  }
  return undefined;
}

function describe(forms: string[]): string {
  return forms.map((f) => `${f[0] === "m" ? "method" : "function"} of ${f.slice(1)}`).join(", ");
}
