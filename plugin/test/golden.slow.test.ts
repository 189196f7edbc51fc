import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runtimeWktFiles } from "../src/runtime-wkt";
import { validateDescriptorSet } from "../src/validate/descriptor-set";
import { bufGenerate, protoc, readTree, root, tempDir, wktInclude } from "./compilers";

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

  it("runtime/src/gen (WKT, google/rpc, health, reflection) is what `npm run generate:runtime` writes now", () => {
    const out = tempDir();
    const r = spawnSync(process.execPath, [join(root, "scripts", "generate-runtime.js"), out], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const fresh = readTree(out);
    for (const dir of ["google/protobuf/", "google/rpc/", "grpc/health/v1/", "grpc/reflection/v1/", "grpc/reflection/v1alpha/", "buf/validate/"]) {
      expect([...fresh.keys()].some((f) => f.startsWith(dir))).toBe(true);
    }
    expect(readTree(join(root, "runtime", "src", "gen"))).toEqual(fresh);
  }, 180_000);

  it("testdata/validate/gen is what `npm run generate:validate` writes now", () => {
    const out = tempDir();
    const set = join(out, "buf-validate.binpb");
    writeFileSync(set, validateDescriptorSet());
    const files = [
      "cases/v1/scalars.proto",
      "cases/v1/structure.proto",
      "cases/v1/wkt.proto",
      "cases/v1/bad.proto",
      "cases/v1/service.proto",
      "cases/v1/cel.proto",
      "cases/v1/cel_compiled.proto",
      "cases/v1/predefined_rules.proto",
      "cases/v1/predefined.proto",
    ];
    const r = protoc(
      join(out, "gen"),
      "target=ts,import_extension=js,bad_rules=validator",
      files,
      [join(root, "testdata", "validate", "proto"), wktInclude],
      [`--descriptor_set_in=${set}`],
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readTree(join(root, "testdata", "validate", "gen"))).toEqual(readTree(join(out, "gen")));
  }, 180_000);
  it("@tsgrpc/runtime exports every well-known type file the plugin resolves to it", () => {
    const index = readFileSync(join(root, "runtime", "src", "index.ts"), "utf8");
    const exported = [...index.matchAll(/^export \* from "\.\/gen\/(google\/protobuf\/\w+)_pb\.js";$/gm)].map((m) => `${m[1]}.proto`);
    expect(exported.sort()).toEqual([...runtimeWktFiles].sort());
  });
});
