import type { DescField, DescMessage } from "@bufbuild/protobuf";
import type { ImportSymbol } from "@bufbuild/protoplugin";
import { indent, literal, type Line } from "../code.js";
import type { FileContext } from "../context.js";
import { oneofName, typeName } from "../names.js";
import { messageCelChecks } from "./cel.js";
import { celThisOfMessage } from "./cel-compile.js";
import { fieldChecks, isSet } from "./field.js";
import { needsValidation } from "./needs.js";
import { oneofStep } from "./paths.js";
import { BadRuleError, messageRules, oneofRequired } from "./rules.js";
import type { ValidateContext } from "./site.js";

/** How a rule that does not fit is reported: as the plugin's error, or by the message's validator (protovalidate's compilation error). */
export type BadRules = "error" | "validator";

/**
 * The static `$validate(m, c, p)` of a class that needs one (see needs.ts), checking fields in
 * declaration order, then message CEL rules, message `oneof` rules and required oneofs: the
 * order of protovalidate's planner. Nothing for a message without rules.
 */
export function validateMember(ctx: FileContext, message: DescMessage, module: string, badRules: BadRules): Line[] {
  if (!needsValidation(message)) return [];
  const x: ValidateContext = { ...ctx, v: (name, typeOnly = false): ImportSymbol => ctx.g.import(name, module, typeOnly) };
  const head = (u: string): Line => [
    `static $validate(${u}m: ${typeName(message)}, ${u}c: `,
    x.v("ValidationContext", true),
    `, ${u}p: `,
    x.v("PathNode", true),
    " | undefined): void {",
  ];
  let body: Line[];
  try {
    body = messageBody(x, message);
  } catch (e) {
    if (!(e instanceof BadRuleError) || badRules === "error") throw e;
    body = [];
  }
  // protovalidate compiles a message with every message type it holds, set or not: a bad rule anywhere fails the whole.
  const bad = badRules === "validator" ? planError(x, message, new Set()) : undefined;
  if (bad) body = [["throw new ", x.v("CompilationError"), `(${literal(bad.problem)});`]];
  return [
    [],
    ["/** Checks the `buf.validate` rules of this message (and of the messages it holds); see `validate()` of `@tsgrpc/runtime/validate`. */"],
    head(bad ? "_" : ""),
    ...indent(body),
    ["}"],
  ];
}

function messageBody(x: ValidateContext, message: DescMessage): Line[] {
  const rules = messageRules(message);
  const oneofRules = (rules?.oneof ?? []).map((r) => ({ required: r.required, fields: messageOneofFields(message, r.fields) }));
  const inRule = new Set(oneofRules.flatMap((r) => r.fields));
  const out: Line[] = [];
  for (const f of message.fields) out.push(...fieldChecks(x, f, inRule.has(f)));
  out.push(...messageCelChecks(x, message, rules, celThisOfMessage(message, "m")));
  for (const r of oneofRules) {
    const names = r.fields.map((f) => f.name).join(", ");
    out.push(["{"]);
    out.push([`  const n = ${r.fields.map((f) => `(${isSet(x, f)} ? 1 : 0)`).join(" + ")};`]);
    out.push([`  if (n > 1) c.add(p, undefined, undefined, [], "message.oneof", ${literal(`only one of ${names} can be set`)});`]);
    if (r.required) out.push([`  if (n === 0) c.add(p, undefined, undefined, [], "message.oneof", ${literal(`one of ${names} must be set`)});`]);
    out.push(["}"]);
  }
  for (const o of message.oneofs) {
    if (oneofRequired(o))
      out.push([
        `if (m.${oneofName(o)}.case === undefined) c.add(p, ${oneofStep(o.name)}, undefined, [], "required", "exactly one field is required in oneof");`,
      ]);
  }
  return out;
}

/** The first bad rule in the order protovalidate's planner meets it: fields in order (a field's message type before its own rules), message CEL, message oneof rules. */
function planError(x: ValidateContext, message: DescMessage, visiting: Set<DescMessage>): BadRuleError | undefined {
  if (visiting.has(message)) return undefined;
  visiting.add(message);
  const attempt = (f: () => unknown) => {
    try {
      f();
      return undefined;
    } catch (e) {
      if (e instanceof BadRuleError) return e;
      throw e;
    }
  };
  for (const f of message.fields) {
    const nested = f.message && needsValidation(f.message) ? planError(x, f.message, visiting) : undefined;
    const own = nested ?? attempt(() => fieldChecks(x, f, false));
    if (own) return own;
  }
  return (
    attempt(() => messageCelChecks(x, message, messageRules(message), undefined)) ??
    attempt(() => (messageRules(message)?.oneof ?? []).forEach((r) => messageOneofFields(message, r.fields)))
  );
}

function messageOneofFields(message: DescMessage, names: string[]): DescField[] {
  if (names.length === 0) throw new BadRuleError(message, "oneof", `at least one field must be specified in oneof rule for the message ${message.typeName}`);
  const seen = new Set<string>();
  return names.map((name) => {
    if (seen.has(name)) throw new BadRuleError(message, "oneof", `duplicate ${name} in oneof rule for the message ${message.typeName}`);
    seen.add(name);
    const f = message.fields.find((x) => x.name === name);
    if (!f) throw new BadRuleError(message, "oneof", `field "${name}" not found in message ${message.typeName}`);
    return f;
  });
}
