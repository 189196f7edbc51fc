import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { validateDescriptorSet } from "../src/validate/descriptor-set";
import { protoc, tempDir, wktInclude } from "./compilers";

/** protoc with buf/validate/validate.proto from the plugin's descriptor set, as the README tells protoc users. */
function generate(proto: string, opt = "target=ts,import_extension=js") {
  const dir = tempDir();
  writeFileSync(join(dir, "buf-validate.binpb"), validateDescriptorSet());
  writeFileSync(join(dir, "x.proto"), proto);
  const out = join(dir, "gen");
  const r = protoc(out, opt, ["x.proto"], [dir, wktInclude], [`--descriptor_set_in=${join(dir, "buf-validate.binpb")}`]);
  return { ...r, read: () => readFileSync(join(out, "x_pb.ts"), "utf8") };
}

const header = `syntax = "proto3"; package x; import "buf/validate/validate.proto";\n`;

describe("validation code generation", () => {
  it("gives messages without rules no validator and the file no validate import", () => {
    const r = generate('syntax = "proto3"; package x; message Plain { string a = 1; Child c = 2; } message Child { int32 b = 1; }');
    expect(r.stderr).toBe("");
    const code = r.read();
    expect(code).not.toContain("$validate");
    expect(code).not.toContain("@tsgrpc/runtime/validate");
  });

  it("gives a message holding a message with rules a validator that descends into it", () => {
    const r = generate(header + "message Outer { Inner i = 1; } message Inner { string s = 1 [(buf.validate.field).string.min_len = 1]; }");
    expect(r.stderr).toBe("");
    expect(r.read()).toMatch(/static \$validate\(m: Outer[\s\S]*Inner\.\$validate\(v, c, descend\(p, \[1, "i", 11\]\)\)/);
  });

  it("reports a rule that does not fit its field in CodeGeneratorResponse.error, naming file, message, field and rule", () => {
    const r = generate(header + "message M { int32 count = 1 [(buf.validate.field).string.min_len = 1]; }");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('x.proto: field x.M.count: rule string: expected rule "int32", got "string" on field x.M.count');
  });

  it("reports a pattern JavaScript cannot run as a bad rule", () => {
    const r = generate(header + 'message M { string s = 1 [(buf.validate.field).string.pattern = "[[:alpha:]]"]; }');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("x.proto: field x.M.s: rule string.pattern: invalid regular expression");
  });

  it("with bad_rules=validator, generates a validator returning the compilation error for that message only", () => {
    const r = generate(
      header +
        "message M { int32 count = 1 [(buf.validate.field).string.min_len = 1]; } message Ok { string s = 1 [(buf.validate.field).string.min_len = 1]; }",
      "target=ts,bad_rules=validator",
    );
    expect(r.stderr).toBe("");
    const code = r.read();
    expect(code).toContain('throw new CompilationError("expected rule \\"int32\\", got \\"string\\" on field x.M.count");');
    expect(code).toContain('"string.min_len"');
  });

  it("rejects an unknown bad_rules value", () => {
    const r = generate(header + "message M {}", "target=ts,bad_rules=maybe");
    expect(r.stderr).toContain('invalid value "maybe" for option "bad_rules" (expected error or validator)');
  });

  it("reports a CEL expression that does not parse, naming the rule", () => {
    const r = generate(header + 'message M { string s = 1 [(buf.validate.field).cel = {id: "s.bad", expression: "this ==="}]; }');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("x.proto: field x.M.s: rule cel s.bad: failed to compile s.bad:");
  });

  it("reports a call of an unknown function, naming file, message, field, rule and expression", () => {
    const r = generate(header + 'message M { string s = 1 [(buf.validate.field).cel = {id: "s.nope", expression: "this == \'\' || nope(this)"}]; }');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`x.proto: field x.M.s: rule cel s.nope: unknown function nope() in expression "this == '' || nope(this)"`);
  });

  it("reports a call that no overload serves, in a message rule too", () => {
    const r = generate(header + 'message M { option (buf.validate.message).cel = {id: "m.arity", expression: "this.s.startsWith()"}; string s = 1; }');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(
      'x.proto: message x.M: rule cel m.arity: no overload of .startsWith() takes 0 argument(s) as a method (method of 1) in expression "this.s.startsWith()"',
    );
  });

  it("accepts every function of the runtime's CEL environment, macros and protovalidate's functions included", () => {
    const exprs = [
      "this.isEmail() && this.isHostname() && this.isIp(4) && this.isIpPrefix(6, true) && this.isUri() && this.isUriRef() && this.isHostAndPort(true)",
      "this.lowerAscii().matches('^a') && size(this) > 0 && this.size() < int('9') && 'x%s'.format([this]) != ''",
      "[1, 2].all(x, x > 0) && [1].exists_one(x, x == 1) && [1].map(x, x + 1).size() == 1 && [1.0].filter(x, x.isNan()).size() == 0",
      "has(this.x) || [1u].unique() || now > timestamp('2020-01-01T00:00:00Z') || duration('1s') > duration('0s') || {'a': 1}['a'] in [1]",
    ];
    const rules = exprs.map((e, i) => `option (buf.validate.message).cel = {id: "r${i}", expression: ${JSON.stringify(e.replaceAll("this", "this.s"))}};`);
    const r = generate(header + `message M { ${rules.join(" ")} string s = 1; }`);
    expect(r.stderr).toBe("");
  });

  it("with bad_rules=validator, leaves an unknown function to fail when evaluated, as protovalidate-es does", () => {
    const r = generate(
      header + 'message M { string s = 1 [(buf.validate.field).cel = {id: "s.nope", expression: "nope(this)"}]; }',
      "target=ts,bad_rules=validator",
    );
    expect(r.stderr).toBe("");
    const code = r.read();
    expect(code).toContain('[["s.nope", "", "nope(this)", [[23, "cel", 11, 0]]]]');
    expect(code).not.toContain("CompilationError");
  });

  const predefinedHeader =
    'syntax = "proto2"; package x; import "buf/validate/validate.proto";\n' +
    'extend buf.validate.StringRules { optional bool no_spaces = 1161 [(buf.validate.predefined).cel = {id: "no_spaces", expression: "!rule || !this.contains(\' \')"}]; }\n';

  it("generates predefined rules: `rule` compiled as the extension's value, the rule path ending with the extension", () => {
    const r = generate(predefinedHeader + "message M { optional string s = 1 [(buf.validate.field).string.(no_spaces) = true]; }");
    expect(r.stderr).toBe("");
    expect(r.read()).toContain(
      `["no_spaces", "", "!rule || !this.contains(' ')", [[14, "string", 11], [1161, "[x.no_spaces]", 8]], () => (false || !v.includes(" ")), "x.no_spaces"]], "buf.validate.StringRules", "{\\"[x.no_spaces]\\":true}");`,
    );
  });

  it("evaluates the standard rules beside a predefined one as validate.proto's CEL, in declaration order, compiled with what reads only `rules` folded", () => {
    const r = generate(
      predefinedHeader +
        "message M { optional string s = 1 [(buf.validate.field).string.(no_spaces) = true, (buf.validate.field).string.max_len = 9, (buf.validate.field).string.min_len = 2]; }",
    );
    expect(r.stderr).toBe("");
    const code = r.read();
    expect(code).toContain(`["string.min_len", "", "uint(this.size()) < rules.min_len ? 'must be at least %s characters'.format([rules.min_len]) : ''"`);
    expect(code).toContain(
      '[[14, "string", 11], [2, "min_len", 4]], () => ((celUint(codepoints(v)) < 2) ? "must be at least 2 characters" : "")], ["string.max_len", ',
    );
    // `matches` with a constant pattern runs as the standard `pattern` rule; a pattern RE2 alone reads stays with @bufbuild/cel.
    const pattern = generate(
      predefinedHeader + 'message M { optional string s = 1 [(buf.validate.field).string.(no_spaces) = true, (buf.validate.field).string.pattern = "^a"]; }',
    );
    expect(pattern.read()).toContain('[[14, "string", 11], [6, "pattern", 9]], () => (!/^a/u.test(v) ? "does not match regex pattern `^a`" : "")]');
    const re2 = generate(
      header + 'message M { option (buf.validate.message).cel = {id: "m.posix", expression: "this.s.matches(\'[[:alpha:]]\')"}; string s = 1; }',
    );
    expect(re2.read()).toContain('["m.posix", "", "this.s.matches(\'[[:alpha:]]\')", []]]');
  });

  it("reports an extension of a rules message that is not a predefined rule, naming field and extension", () => {
    const r = generate(
      'syntax = "proto2"; package x; import "buf/validate/validate.proto";\n' +
        "extend buf.validate.StringRules { optional bool plain = 1161; }\n" +
        "message M { optional string s = 1 [(buf.validate.field).string.(plain) = true]; }",
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(
      "x.proto: field x.M.s: rule string extension 1161 (x.plain, no buf.validate.predefined option): Unknown extension for buf.validate.StringRules with number 1161.",
    );
  });

  it("compiles CEL in the common subset to TypeScript, and leaves the rest to @bufbuild/cel", () => {
    const r = generate(
      header +
        'message M { option (buf.validate.message).cel = {id: "a", expression: "this.n + 1 > size(this.s)"}; option (buf.validate.message).cel = {id: "b", expression: "this.s in [\'x\']"}; string s = 1; int64 n = 2; }',
    );
    expect(r.stderr).toBe("");
    const code = r.read();
    expect(code).toContain('["a", "", "this.n + 1 > size(this.s)", [], () => (celIntAdd(m.n, 1n) > BigInt(codepoints(m.s)))]');
    expect(code).toMatch(/\["b", "", "this\.s in \['x'\]", \[\]\]/);
  });

  it("imports the CEL runtime only into files with CEL rules", () => {
    const plain = generate(header + "message M { string s = 1 [(buf.validate.field).string.min_len = 1]; }");
    expect(plain.read()).not.toContain("@tsgrpc/runtime/validate/cel");
    const withCel = generate(header + "message M { option (buf.validate.message).cel_expression = \"this.s != ''\"; string s = 1; }");
    expect(withCel.stderr).toBe("");
    expect(withCel.read()).toContain('from "@tsgrpc/runtime/validate/cel"');
  });
});
