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

  it("refuses predefined rules (extensions of the rule messages) with an error naming the field and the extension", () => {
    const r = generate(
      'syntax = "proto2"; package x; import "buf/validate/validate.proto";\n' +
        'extend buf.validate.StringRules { optional bool no_spaces = 1161 [(buf.validate.predefined).cel = {id: "no_spaces", expression: "!rule || !this.contains(\' \')"}]; }\n' +
        "message M { optional string s = 1 [(buf.validate.field).string.(no_spaces) = true]; }",
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(
      "x.proto: field x.M.s: rule string extension 1161: predefined rules (extensions of buf.validate.StringRules) are not supported by tsgrpc yet",
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
