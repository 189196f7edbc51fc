"use strict";
/**
 * Before any test: `tsc -b runtime plugin` (incremental, about a second when nothing changed), so the
 * tests that spawn plugin/bin/protoc-gen-tsgrpc run the plugin of the current sources. If the build
 * fails, the error is kept in TSGRPC_BUILD_ERROR (workers inherit it) and every test that spawns the
 * plugin fails with it (plugin/test/compilers.ts `builtPlugin`); tests that do not spawn it still run.
 */
const { spawnSync } = require("node:child_process");
const { join } = require("node:path");

module.exports = async function buildBeforeTests() {
  const tsc = join(__dirname, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-b", "runtime", "plugin"], { cwd: __dirname, encoding: "utf8" });
  if (r.status === 0) return;
  const error = `\`tsc -b runtime plugin\` failed, so plugin/dist may be stale; fix the build (npm run build) first:\n${r.stdout}${r.stderr}${r.error ?? ""}`;
  process.env.TSGRPC_BUILD_ERROR = error;
  process.stderr.write(`\n!! ${error}\n`);
};
