#!/usr/bin/env node
/**
 * `npm run generate:runtime [-- outDir]`: generates the runtime's own code
 * into runtime/src/gen (or outDir, emptied first), with the built plugin:
 * the well-known types the plugin resolves to the runtime
 * (plugin/src/runtime-wkt.ts) and every .proto under runtime/proto
 * (google/rpc, grpc health and reflection), and buf/validate/validate.proto
 * (from the descriptor set the plugin takes from @bufbuild/protovalidate,
 * for `@tsgrpc/runtime/validate`). The golden test runs this same
 * script into a temporary folder and compares.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const { readdirSync, rmSync, mkdirSync, mkdtempSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const root = join(__dirname, "..");
const { runtimeWktFiles } = require(join(root, "plugin", "dist", "runtime-wkt.js"));
const { validateDescriptorSet } = require(join(root, "plugin", "dist", "validate", "descriptor-set.js"));
const validateSet = join(mkdtempSync(join(tmpdir(), "tsgrpc-validate-")), "buf-validate.binpb");
writeFileSync(validateSet, validateDescriptorSet());
const wktInclude = join(root, "node_modules", "protoc", "include");
const ownProtos = join(root, "runtime", "proto");
const out = process.argv[2] ?? join(root, "runtime", "src", "gen");

const own = readdirSync(ownProtos, { recursive: true })
  .filter((f) => f.endsWith(".proto"))
  .map((f) => f.split("\\").join("/"))
  .sort();

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const r = spawnSync(
  join(root, "node_modules", ".bin", "protoc"),
  [
    `--descriptor_set_in=${validateSet}`,
    `-I${wktInclude}`,
    `-I${ownProtos}`,
    `--plugin=protoc-gen-tsgrpc=${join(root, "plugin", "bin", "protoc-gen-tsgrpc")}`,
    `--tsgrpc_out=${out}`,
    "--tsgrpc_opt=target=ts,import_extension=js,bootstrap_wkt=true,runtime_import=../codegen.js",
    ...runtimeWktFiles,
    ...own,
    "buf/validate/validate.proto",
  ],
  { stdio: "inherit" },
);
if (r.error) throw r.error;
process.exitCode = r.status ?? 1;
