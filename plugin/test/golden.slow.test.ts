import { join } from "node:path";
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
});
