import { isFieldSet, type DescField } from "@bufbuild/protobuf";
import type { BytesRules } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import type { Line } from "../code.js";
import { check, ruleField, violation, type Site, type ValidateContext } from "./site.js";
import { regex } from "./string.js";

/** Checks of `buf.validate.BytesRules`, in the order protovalidate evaluates them. */

const F = (name: string) => ruleField("bytes", name);
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const bytesLit = (b: Uint8Array) => `new Uint8Array([${b.join(", ")}])`;
const text = (b: Uint8Array) => new TextDecoder().decode(b);

const sizes: Record<string, { sizes: number[]; msg: string }> = {
  ip: { sizes: [4, 16], msg: "a valid IP address" },
  ipv4: { sizes: [4], msg: "a valid IPv4 address" },
  ipv6: { sizes: [16], msg: "a valid IPv6 address" },
  uuid: { sizes: [16], msg: "a valid UUID" },
};

export function bytesChecks(x: ValidateContext, s: Site, rules: BytesRules, field: DescField): Line[] {
  const set = (name: string) => isFieldSet(rules, F(name));
  const out: Line[] = [];
  if (set("const"))
    out.push(["if (!", x.v("bytesEqual"), `(v, ${bytesLit(rules.const)})) `, violation(s, F("const"), "bytes.const", `must be ${hex(rules.const)}`)]);
  if (set("len")) out.push(check(`v.length !== ${rules.len}`, violation(s, F("len"), "bytes.len", `must be ${rules.len} bytes`)));
  if (set("min_len")) out.push(check(`v.length < ${rules.minLen}`, violation(s, F("min_len"), "bytes.min_len", `must be at least ${rules.minLen} bytes`)));
  if (set("max_len")) out.push(check(`v.length > ${rules.maxLen}`, violation(s, F("max_len"), "bytes.max_len", `must be at most ${rules.maxLen} bytes`)));
  if (set("pattern")) {
    const re = regex(rules.pattern, field, "bytes.pattern");
    out.push(["const t = ", x.v("utf8"), "(v);"]);
    out.push(["if (t === undefined) throw new ", x.v("RuntimeError"), '("must be valid UTF-8 to apply regexp");']);
    out.push(check(`!${re}.test(t)`, violation(s, F("pattern"), "bytes.pattern", `must match regex pattern \`${rules.pattern}\``)));
  }
  if (set("prefix"))
    out.push([
      "if (!",
      x.v("bytesStartWith"),
      `(v, ${bytesLit(rules.prefix)})) `,
      violation(s, F("prefix"), "bytes.prefix", `does not have prefix ${hex(rules.prefix)}`),
    ]);
  if (set("suffix"))
    out.push([
      "if (!",
      x.v("bytesEndWith"),
      `(v, ${bytesLit(rules.suffix)})) `,
      violation(s, F("suffix"), "bytes.suffix", `does not have suffix ${hex(rules.suffix)}`),
    ]);
  if (set("contains"))
    out.push([
      "if (!",
      x.v("bytesContain"),
      `(v, ${bytesLit(rules.contains)})) `,
      violation(s, F("contains"), "bytes.contains", `does not contain ${hex(rules.contains)}`),
    ]);
  const list = (bs: Uint8Array[]) => `[${bs.map(bytesLit).join(", ")}]`;
  const show = (bs: Uint8Array[]) => `[${bs.map(text).join(", ")}]`;
  if (rules.in.length) out.push(["if (!", x.v("bytesIn"), `(${list(rules.in)}, v)) `, violation(s, F("in"), "bytes.in", `must be in list ${show(rules.in)}`)]);
  if (rules.notIn.length)
    out.push(["if (", x.v("bytesIn"), `(${list(rules.notIn)}, v)) `, violation(s, F("not_in"), "bytes.not_in", `must not be in list ${show(rules.notIn)}`)]);
  const wk = rules.wellKnown;
  if (wk.case !== undefined && wk.value) {
    const spec = sizes[wk.case];
    const rule = F(wk.case);
    out.push(check("v.length === 0", violation(s, rule, `bytes.${wk.case}_empty`, `value is empty, which is not ${spec.msg}`)));
    out.push(["else ", ...check(spec.sizes.map((n) => `v.length !== ${n}`).join(" && "), violation(s, rule, `bytes.${wk.case}`, `must be ${spec.msg}`))]);
  }
  return out;
}
