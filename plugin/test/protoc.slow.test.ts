import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fixtureFiles, protoc, readTree, tempDir } from "./compilers";

describe("protoc-gen-tsgrpc under protoc", () => {
  it("writes one _pb.ts per file, and _grpc.ts only for files with services", () => {
    const out = tempDir();
    const r = protoc(out, "target=ts", ["users/v1/user_service.proto", "common/v1/common.proto"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(existsSync(join(out, "users/v1/user_service_pb.ts"))).toBe(true);
    expect(existsSync(join(out, "common/v1/common_pb.ts"))).toBe(true);
    expect(existsSync(join(out, "common/v1/common_grpc.ts"))).toBe(false);
    const pb = readFileSync(join(out, "users/v1/user_service_pb.ts"), "utf8");
    expect(pb).toContain("export class User extends Message<User> {");
    expect(pb).not.toContain("grpc-js");
  });

  it("turns leading comments into TSDoc and `deprecated` into @deprecated", () => {
    const out = tempDir();
    expect(protoc(out, "target=ts", ["users/v1/user_service.proto"]).status).toBe(0);
    const pb = readFileSync(join(out, "users/v1/user_service_pb.ts"), "utf8");
    expect(pb).toContain("/**\n * A user of the system.\n *\n * Every field kind appears here once.\n */\nexport class User ");
    expect(pb).toContain('  /**\n   * Kept for old clients.\n   *\n   * @deprecated\n   */\n  legacyCode = "";');
    expect(pb).toContain("  /**\n   * @deprecated\n   */\n  STATUS_LEGACY = 3,");
  });

  it("imports well-known types from the runtime instead of generating them", () => {
    const out = tempDir();
    expect(protoc(out, "target=ts", ["users/v1/user_service.proto"]).status).toBe(0);
    const pb = readFileSync(join(out, "users/v1/user_service_pb.ts"), "utf8");
    expect(pb).toMatch(/import \{[^}]*\bTimestamp\b[^}]*\} from "@tsgrpc\/runtime";/);
    expect(existsSync(join(out, "google/protobuf/timestamp_pb.ts"))).toBe(false);
  });

  it("honours runtime_import, relative to the output root", () => {
    const out = tempDir();
    expect(protoc(out, "target=ts,runtime_import=./rt/index.js", ["users/v1/user_service.proto"]).status).toBe(0);
    const pb = readFileSync(join(out, "users/v1/user_service_pb.ts"), "utf8");
    expect(pb).toContain('from "../../rt/index"');
  });

  it("writes 64-bit fields as strings with long_type=string", () => {
    const out = tempDir();
    expect(protoc(out, "target=ts,long_type=string", ["scalars/v1/scalars.proto"]).status).toBe(0);
    const pb = readFileSync(join(out, "scalars/v1/scalars_pb.ts"), "utf8");
    expect(pb).toContain('fInt64 = "0";');
    expect(pb).toContain("this.fInt64 = r.int64().toString();");
  });

  it("unboxes 64-bit wrapper fields as strings with long_type=string", () => {
    const out = tempDir();
    expect(protoc(out, "target=ts,long_type=string", ["scalars/v1/wrapped.proto"]).status).toBe(0);
    const pb = readFileSync(join(out, "scalars/v1/wrapped_pb.ts"), "utf8");
    expect(pb).toContain("wInt64?: string;");
    expect(pb).toContain('{ case: "choiceInt64"; value: string }');
    expect(pb).toContain('let v: string = this.wUint64 ?? "0";');
    expect(pb).toContain("if (t === 8) v = r.uint64().toString();");
    expect(pb).toContain('T: ScalarType.INT64, L: LongType.STRING, presence: "explicit", wrapper: Int64Value');
  });

  it("rounds a float default to float32 as buf does (protoc passes 9e9 on as typed)", () => {
    const out = tempDir();
    expect(protoc(out, "target=ts", ["legacy/v1/legacy.proto"]).status).toBe(0);
    const pb = readFileSync(join(out, "legacy/v1/legacy_pb.ts"), "utf8");
    expect(pb).toContain(
      'name: "big_float", localName: "bigFloat", jsonName: "bigFloat", kind: "scalar", T: ScalarType.FLOAT, presence: "explicit", default: 8999999488 }',
    );
  });

  it("writes JavaScript and declarations with target=js+dts, and no services with services=false", () => {
    const out = tempDir();
    expect(protoc(out, "target=js+dts,services=false", ["rpc/v1/echo.proto"]).status).toBe(0);
    expect([...readTree(out).keys()].sort()).toEqual(["rpc/v1/echo_pb.d.ts", "rpc/v1/echo_pb.js"]);
    expect(readTree(out).get("rpc/v1/echo_pb.js")).toContain("class EchoRequest extends Message {");
  });

  it.each([
    ["long_type=number", 'invalid value "number" for option "long_type"'],
    ["services=maybe", 'invalid value "maybe" for option "services"'],
    ["colour=blue", 'unknown option "colour"'],
    ["target=tsx", "target=tsx"],
  ])("rejects the parameter %s with an error naming it", (opt, message) => {
    const r = protoc(tempDir(), opt, ["common/v1/common.proto"]);
    expect(r.status).not.toBe(0);
    // Reported in CodeGeneratorResponse.error, which protoc prints after the flag; not a plugin crash.
    expect(r.stderr).toContain(`--tsgrpc_out: invalid option "${opt}"`);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain("Plugin failed");
  });

  it("produces the same output whatever the order of the files", () => {
    const files = fixtureFiles();
    const a = tempDir();
    const b = tempDir();
    expect(protoc(a, "target=ts", files).status).toBe(0);
    expect(protoc(b, "target=ts", [...files].reverse()).status).toBe(0);
    expect(readTree(b)).toEqual(readTree(a));
    expect(readTree(a).size).toBeGreaterThanOrEqual(files.length);
  }, 180_000);
});
