/** The runtime's generated health and reflection code is what the current plugin writes (run `npm run generate:runtime` when this fails). */
import { join } from "node:path";
import { protoc, readTree, root, tempDir, wktInclude } from "../../../plugin/test/compilers";

const protos = ["grpc/health/v1/health.proto", "grpc/reflection/v1/reflection.proto", "grpc/reflection/v1alpha/reflection.proto"];

it("runtime/src/gen/grpc is what `npm run generate:runtime` writes now", () => {
  const out = tempDir();
  const r = protoc(out, "target=ts,import_extension=js,bootstrap_wkt=true,runtime_import=../codegen.js", protos, [wktInclude, join(root, "runtime", "proto")]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const fresh = readTree(join(out, "grpc"));
  expect([...fresh.keys()].sort()).toEqual([
    "health/v1/health_grpc.ts",
    "health/v1/health_pb.ts",
    "reflection/v1/reflection_grpc.ts",
    "reflection/v1/reflection_pb.ts",
    "reflection/v1alpha/reflection_grpc.ts",
    "reflection/v1alpha/reflection_pb.ts",
  ]);
  expect(readTree(join(root, "runtime", "src", "gen", "grpc"))).toEqual(fresh);
});
