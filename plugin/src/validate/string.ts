import { isFieldSet } from "@bufbuild/protobuf";
import { KnownRegex, type StringRules } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import { literal, type Line } from "../code.js";
import { regexLiteral } from "./regex.js";
import { BadRuleError } from "./rules.js";
import { check, ruleField, violation, type Site, type ValidateContext } from "./site.js";
import type { DescField } from "@bufbuild/protobuf";

/** Checks of `buf.validate.StringRules`, in the order protovalidate evaluates them. */

const F = (name: string) => ruleField("string", name);

/** Well-known formats: runtime check (called with `v`), message, and the message for an empty string. */
const formats: Record<string, { fn: string; args?: string; msg: string; empty?: string }> = {
  email: { fn: "isEmail", msg: "a valid email address" },
  hostname: { fn: "isHostname", msg: "a valid hostname" },
  ip: { fn: "isIp", msg: "a valid IP address" },
  ipv4: { fn: "isIp", args: "4", msg: "a valid IPv4 address" },
  ipv6: { fn: "isIp", args: "6", msg: "a valid IPv6 address" },
  uri: { fn: "isUri", msg: "a valid URI" },
  uriRef: { fn: "isUriRef", msg: "a valid URI Reference", empty: "" },
  address: { fn: "", msg: "a valid hostname, or ip address" },
  uuid: { fn: "isUuid", msg: "a valid UUID" },
  tuuid: { fn: "isTuuid", msg: "a valid trimmed UUID" },
  ipWithPrefixlen: { fn: "isIpPrefix", msg: "a valid IP prefix" },
  ipv4WithPrefixlen: { fn: "isIpPrefix", args: "4", msg: "a valid IPv4 address with prefix length" },
  ipv6WithPrefixlen: { fn: "isIpPrefix", args: "6", msg: "a valid IPv6 address with prefix length" },
  ipPrefix: { fn: "isIpPrefix", args: "0, true", msg: "a valid IP prefix" },
  ipv4Prefix: { fn: "isIpPrefix", args: "4, true", msg: "a valid IPv4 prefix" },
  ipv6Prefix: { fn: "isIpPrefix", args: "6, true", msg: "a valid IPv6 prefix" },
  hostAndPort: { fn: "isHostAndPort", args: "true", msg: "a valid host (hostname or IP address) and port pair", empty: "a valid host and port pair" },
  ulid: { fn: "isUlid", msg: "a valid ULID" },
  protobufFqn: { fn: "isProtobufFqn", msg: "a valid fully-qualified Protobuf name" },
  protobufDotFqn: { fn: "isProtobufDotFqn", msg: "a valid fully-qualified Protobuf name with a leading dot" },
};

export function stringChecks(x: ValidateContext, s: Site, rules: StringRules, field: DescField): Line[] {
  const set = (name: string) => isFieldSet(rules, F(name));
  const out: Line[] = [];
  const list = (vs: string[]) => `[${vs.join(", ")}]`;
  if (set("const")) out.push(check(`v !== ${literal(rules.const)}`, violation(s, F("const"), "string.const", `must equal \`${rules.const}\``)));
  if (set("len") || set("min_len") || set("max_len")) {
    out.push(["const n = ", x.v("codepoints"), "(v);"]);
    if (set("len")) out.push(check(`n !== ${rules.len}`, violation(s, F("len"), "string.len", `must be ${rules.len} characters`)));
    if (set("min_len")) out.push(check(`n < ${rules.minLen}`, violation(s, F("min_len"), "string.min_len", `must be at least ${rules.minLen} characters`)));
    if (set("max_len")) out.push(check(`n > ${rules.maxLen}`, violation(s, F("max_len"), "string.max_len", `must be at most ${rules.maxLen} characters`)));
  }
  if (set("len_bytes") || set("min_bytes") || set("max_bytes")) {
    out.push(["const b = ", x.v("utf8Length"), "(v);"]);
    if (set("len_bytes")) out.push(check(`b !== ${rules.lenBytes}`, violation(s, F("len_bytes"), "string.len_bytes", `must be ${rules.lenBytes} bytes`)));
    if (set("min_bytes"))
      out.push(check(`b < ${rules.minBytes}`, violation(s, F("min_bytes"), "string.min_bytes", `must be at least ${rules.minBytes} bytes`)));
    if (set("max_bytes")) out.push(check(`b > ${rules.maxBytes}`, violation(s, F("max_bytes"), "string.max_bytes", `must be at most ${rules.maxBytes} bytes`)));
  }
  if (set("pattern")) {
    const re = regex(rules.pattern, field, "string.pattern");
    out.push(check(`!${re}.test(v)`, violation(s, F("pattern"), "string.pattern", `does not match regex pattern \`${rules.pattern}\``)));
  }
  if (set("prefix"))
    out.push(check(`!v.startsWith(${literal(rules.prefix)})`, violation(s, F("prefix"), "string.prefix", `does not have prefix \`${rules.prefix}\``)));
  if (set("suffix"))
    out.push(check(`!v.endsWith(${literal(rules.suffix)})`, violation(s, F("suffix"), "string.suffix", `does not have suffix \`${rules.suffix}\``)));
  if (set("contains"))
    out.push(
      check(`!v.includes(${literal(rules.contains)})`, violation(s, F("contains"), "string.contains", `does not contain substring \`${rules.contains}\``)),
    );
  if (set("not_contains"))
    out.push(
      check(`v.includes(${literal(rules.notContains)})`, violation(s, F("not_contains"), "string.not_contains", `contains substring \`${rules.notContains}\``)),
    );
  if (rules.in.length)
    out.push(check(`!(${rules.in.map((x) => `v === ${literal(x)}`).join(" || ")})`, violation(s, F("in"), "string.in", `must be in list ${list(rules.in)}`)));
  if (rules.notIn.length)
    out.push(
      check(
        `(${rules.notIn.map((x) => `v === ${literal(x)}`).join(" || ")})`,
        violation(s, F("not_in"), "string.not_in", `must not be in list ${list(rules.notIn)}`),
      ),
    );
  const wk = rules.wellKnown;
  if (wk.case === "wellKnownRegex") {
    const strict = !set("strict") || rules.strict;
    const rule = F("well_known_regex");
    if (wk.value === KnownRegex.HTTP_HEADER_NAME) {
      out.push(check(`v === ""`, violation(s, rule, "string.well_known_regex.header_name_empty", "value is empty, which is not a valid HTTP header name")));
      out.push([
        "else if (!",
        x.v("isHeaderName"),
        `(v, ${strict})) `,
        violation(s, rule, "string.well_known_regex.header_name", "must be a valid HTTP header name"),
      ]);
    } else if (wk.value === KnownRegex.HTTP_HEADER_VALUE) {
      out.push([
        "if (!",
        x.v("isHeaderValue"),
        `(v, ${strict})) `,
        violation(s, rule, "string.well_known_regex.header_value", "must be a valid HTTP header value"),
      ]);
    }
  } else if (wk.case !== undefined && wk.value) {
    const format = formats[wk.case];
    const rule = F(protoName(wk.case));
    const id = `string.${rule.name}`;
    if (format.empty !== "") out.push(check(`v === ""`, violation(s, rule, `${id}_empty`, `value is empty, which is not ${format.empty ?? format.msg}`)));
    const test: Line =
      wk.case === "address" ? ["!", x.v("isHostname"), "(v) && !", x.v("isIp"), "(v)"] : ["!", x.v(format.fn), `(v${format.args ? ", " + format.args : ""})`];
    out.push([format.empty === "" ? "if (" : "else if (", ...test, ") ", violation(s, rule, id, `must be ${format.msg}`)]);
  }
  return out;
}

/** camelCase oneof case → proto field name (`ipv4WithPrefixlen` → `ipv4_with_prefixlen`). */
function protoName(jsName: string): string {
  return jsName.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
}

/** A RegExp literal for an RE2 pattern; a pattern JavaScript cannot run is a bad rule. */
export function regex(pattern: string, field: DescField, rule: string): string {
  try {
    return regexLiteral(pattern);
  } catch (e) {
    throw new BadRuleError(field, rule, `invalid regular expression: ${e instanceof Error ? e.message : String(e)}`);
  }
}
