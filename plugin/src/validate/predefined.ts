import {
  createRegistry,
  getExtension,
  getOption,
  hasOption,
  isFieldSet,
  toJson,
  type DescExtension,
  type DescField,
  type DescFile,
  type Message,
} from "@bufbuild/protobuf";
import { nestedTypes } from "@bufbuild/protobuf/reflect";
import { celEnv, celFromScalar } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import { FieldRulesSchema, file_buf_validate_validate, predefined } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import type { Line } from "../code.js";
import { celCall, parseRule, type CelRuleCode } from "./cel.js";
import type { CelValue } from "./cel-compile.js";
import { BadRuleError } from "./rules.js";
import type { Site, ValidateContext } from "./site.js";

/**
 * Predefined rules: extensions of buf.validate's rules messages whose `(buf.validate.predefined)`
 * option holds CEL rules. As protovalidate-es does, a rules message carrying such extensions is
 * evaluated wholly as CEL: first its standard rules as validate.proto's own expressions (in
 * declaration order, with `rules` bound to the rules message), then the rules of each extension in
 * the order the options were written, with `rule` bound to the extension's value. Rules in the
 * compiled subset (cel-compile.ts) run as TypeScript, with what reads only `rules` and `rule`
 * evaluated here by `@bufbuild/cel` and written as its value; `@bufbuild/cel` runs the rest.
 */

/** Whether a rules message carries extensions (or other unknown fields, which are a bad rule). */
export function hasExtensions(rules: Message): boolean {
  return ((rules as { $unknown?: unknown[] }).$unknown?.length ?? 0) > 0;
}

/**
 * The checks of the rules message `rules` (the `kind` case of `FieldRules` by local name, at `s.rules`) on the
 * value `self` presents to CEL as `this` (`it`: how compiled rules read it).
 */
export function predefinedChecks(x: ValidateContext, s: Site, kind: string, rules: Message, field: DescField, self: Line, it: CelValue | undefined): Line {
  const desc = FieldRulesSchema.field[kind as keyof typeof FieldRulesSchema.field].message!;
  // One entry per occurrence, as protovalidate-es plans them (a repeated extension written unpacked repeats its rules).
  const exts: DescExtension[] = [];
  for (const { no } of (rules as { $unknown: { no: number }[] }).$unknown) {
    const ext = extensionOf(x.file, desc.typeName, no);
    if (!ext || !hasOption(ext, predefined)) {
      const problem = `Unknown extension for ${desc.typeName} with number ${no}. If this is a predefined rule, register the extension with a registry in createValidator().`;
      throw new BadRuleError(field, `${kind} extension ${no}${ext ? ` (${ext.typeName}, no buf.validate.predefined option)` : ""}`, problem);
    }
    exts.push(ext);
  }
  // What reads only `rules` and `rule` is evaluated here, as protovalidate-es would (cel-compile.ts).
  const env = celEnv({ registry: createRegistry(file_buf_validate_validate, ...exts.map((e) => e.file)), funcs: [...strings] });
  const out: CelRuleCode[] = [];
  for (const f of desc.fields) {
    if (!hasOption(f, predefined) || !isFieldSet(rules as never, f)) continue;
    // `example` rules are the constant `true`: they can never fail.
    for (const r of getOption(f, predefined).cel)
      if (r.expression !== "true") out.push({ ...parseRule(x, field, r, s.rules.with(f)), known: { env, bindings: { rules } } });
  }
  for (const ext of exts) {
    const value = getExtension(rules, ext);
    // As protovalidate-es binds it: scalars as CEL values, others (enums: a bare number) as protobuf-es holds them.
    const known = { env, bindings: { rules, rule: ext.fieldKind === "scalar" ? celFromScalar(ext.scalar, value as never) : value } };
    for (const r of getOption(ext, predefined).cel) out.push({ ...parseRule(x, field, r, s.rules.with(ext)), ext: ext.typeName, known });
  }
  const unique = new Set(exts);
  const json = JSON.stringify(toJson(desc, rules as never, { registry: createRegistry(...unique) }));
  return celCall(x, s.step, s.sub, s.forKey, self, it, out, { typeName: desc.typeName, json });
}

/** The extension of `extendee` numbered `no` declared in `file` or a file it imports. */
function extensionOf(file: DescFile, extendee: string, no: number, seen = new Set<DescFile>()): DescExtension | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  for (const t of nestedTypes(file)) if (t.kind === "extension" && t.extendee.typeName === extendee && t.number === no) return t;
  for (const d of file.dependencies) {
    const ext = extensionOf(d, extendee, no, seen);
    if (ext) return ext;
  }
  return undefined;
}
