import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { validateDescriptorSet } from "../src/validate/descriptor-set";
import { bufGenerate, protoc, readTree, root, tempDir, wktInclude } from "./compilers";

const wktFiles = ["any", "api", "descriptor", "duration", "empty", "field_mask", "source_context", "struct", "timestamp", "type", "wrappers"].map(
  (n) => `google/protobuf/${n}.proto`,
);

describe("committed generated code", () => {
  it("testdata/gen is what `buf generate` writes now (run `npm run generate` when this fails)", () => {
    const out = tempDir();
    const r = bufGenerate(out);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const fresh = readTree(join(out, "testdata", "gen"));
    expect(fresh.size).toBeGreaterThan(0);
    expect(readTree(join(root, "testdata", "gen"))).toEqual(fresh);
  }, 180_000);

  it("runtime/src/gen/google/protobuf is what `npm run generate:runtime` writes now", () => {
    const out = tempDir();
    const r = protoc(out, "target=ts,import_extension=js,bootstrap_wkt=true,runtime_import=../codegen.js", wktFiles, [wktInclude]);
    expect(r.status).toBe(0);
    const fresh = readTree(join(out, "google", "protobuf"));
    expect(fresh.size).toBe(wktFiles.length);
    expect(readTree(join(root, "runtime", "src", "gen", "google", "protobuf"))).toEqual(fresh);
  }, 180_000);

  it("testdata/validate/gen is what `npm run generate:validate` writes now", () => {
    const out = tempDir();
    const set = join(out, "buf-validate.binpb");
    writeFileSync(set, validateDescriptorSet());
    const files = ["cases/v1/scalars.proto", "cases/v1/structure.proto", "cases/v1/wkt.proto", "cases/v1/bad.proto"];
    const r = protoc(join(out, "gen"), "target=ts,import_extension=js,bad_rules=validator", files, [join(root, "testdata", "validate", "proto"), wktInclude], [`--descriptor_set_in=${set}`]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readTree(join(root, "testdata", "validate", "gen"))).toEqual(readTree(join(out, "gen")));
  }, 180_000);
});
