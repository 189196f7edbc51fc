/**
 * CEL compiled to TypeScript (plugin/src/validate/cel-compile.ts): every rule of
 * cel_compiled.proto is compiled, runs without `@bufbuild/cel`, and hands the expression to
 * `@bufbuild/cel` where CEL ends in an error. That the compiled code computes what CEL computes
 * is the differential suite's part (cel_compiled.proto's messages are among its boundary and
 * random cases).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Message } from "@tsgrpc/runtime";
import { validate } from "@tsgrpc/runtime/validate";
import { CelFields, CelInner, CelInts, CelPresence, CelStrings } from "../../../testdata/validate/gen/cases/v1/cel_compiled_pb";
import { PredefinedNumbers, PredefinedShapes } from "../../../testdata/validate/gen/cases/v1/predefined_pb";

const planned: string[] = [];
jest.mock("@bufbuild/cel", () => {
  const actual = jest.requireActual<typeof import("@bufbuild/cel")>("@bufbuild/cel");
  return {
    ...actual,
    plan: (...args: Parameters<typeof actual.plan>) => {
      planned.push(actual.unparse(args[1] as Parameters<typeof actual.unparse>[0]));
      return actual.plan(...args);
    },
  };
});

const gen = join(__dirname, "..", "..", "..", "testdata", "validate", "gen", "cases", "v1");

beforeEach(() => (planned.length = 0));

describe("CEL compiled to TypeScript", () => {
  it("compiles every rule of the subset's test schema", () => {
    const source = readFileSync(join(gen, "cel_compiled_pb.ts"), "utf8");
    const proto = readFileSync(join(__dirname, "..", "..", "..", "testdata", "validate", "proto", "cases", "v1", "cel_compiled.proto"), "utf8");
    const rules = [...proto.matchAll(/\bid: "([^"]+)"/g)].map((m) => m[1]);
    expect(rules.length).toBeGreaterThan(40);
    for (const id of rules) expect(source).toMatch(new RegExp(`\\["${id.replace(/\./g, "\\.")}", "[^"]*", "(?:[^"\\\\]|\\\\.)*", \\[[^()]*\\], \\(\\) => `));
  });

  it("leaves expressions outside the subset to @bufbuild/cel", () => {
    const source = readFileSync(join(gen, "cel_pb.ts"), "utf8");
    // string() conversions and timestamps are not compiled
    expect(source).toMatch(/"booking\.guests", "", "[^"]*", \[\]\]/);
    expect(source).toMatch(/"booking\.dates", "end must be after start", "[^"]*", \[\]\]/);
  });

  it("validates without planning any expression when no rule errs", () => {
    const messages: Message<any>[] = [
      new CelInts({ a: 1, b: 2n, c: 1, d: 5n, e: 0n, f: 4, g: 5n }),
      new CelStrings({ s: "ab", t: "a", flag: false }),
      new CelPresence({ plain: 1, inner: new CelInner({ note: "n" }) }),
      new CelFields({ big: 1n, small: 1, names: ["a"], labels: { 1: "x" } }),
    ];
    for (const m of messages) expect(validate(m).kind).not.toBe("error");
    expect(planned).toEqual([]);
  });

  it("runs predefined rules and the standard rules beside them compiled, with `rule` and what reads only `rules` as constants", () => {
    // int32 lt/gt beside a predefined rule are validate.proto's CEL: compiled, `has(rules.gte)` and the message format folded.
    const r = validate(new PredefinedNumbers({ step: 3, odd: 101, fabove: 1, flag: true, sabove: 0n, sfnot: 1, sf64not: 1n }));
    expect(r.kind === "invalid" && r.violations.map((v) => `${v.ruleId}: ${v.message}`)).toEqual(["int32.gt_lt: must be greater than -100 and less than 100"]);
    expect(planned).toEqual([]);
    // a message-typed extension (`rule.min`, `has(rule.max)` folded) compiled; `this in rule` on a repeated one is not in the subset
    const shapes = validate(new PredefinedShapes({ ranged: 6, halfRanged: 1, unpacked: 1, packed: 1 }));
    expect(shapes.kind === "invalid" && shapes.violations.map((v) => `${v.ruleId}: ${v.message}`)).toEqual(["int32.in_range: must be in -5..5"]);
    expect(planned).toEqual(["this in rule"]);
  });

  it("hands an expression that errs in CEL to @bufbuild/cel, which reports the error", () => {
    const r = validate(new CelInts({ a: 1, b: 9223372036854775807n, e: 1n, d: 5n, g: 5n }));
    expect(r.kind).toBe("error");
    expect(planned).toEqual(["this.b + this.e < 100"]);
  });

  it("keeps the value CEL's || makes of an error", () => {
    // b % a divides by zero, but f % 3 == 1 holds: CEL's || absorbs the error
    const r = validate(new CelInts({ a: 0, b: 2n, c: 1, d: 5n, e: 0n, f: 1, g: 5n }));
    expect(planned).toEqual(["this.b % this.a == 0 || this.f % 3 == 1"]);
    expect(r.kind).toBe("invalid");
    const ids = r.kind === "invalid" ? r.violations.map((v) => v.ruleId) : [];
    expect(ids).toContain("ternary");
    expect(ids).not.toContain("mod");
  });
});
