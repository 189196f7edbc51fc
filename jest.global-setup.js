"use strict";
/**
 * Before any test: `npm run build`'s scripts/build.js (incremental, about a second when nothing changed), so
 * the tests that spawn plugin/bin/protoc-gen-tsgrpc run the plugin of the current sources and the bundle and
 * packaging tests see the current runtime/dist. If the build fails, the error is kept in TSGRPC_BUILD_ERROR
 * (workers inherit it) and every test that spawns the plugin fails with it (plugin/test/compilers.ts
 * `builtPlugin`); tests that do not spawn it still run.
 */
const { build } = require("./scripts/build.js");

module.exports = async function buildBeforeTests() {
  const failure = build();
  if (failure === undefined) return;
  const error = `the build (scripts/build.js) failed, so plugin/dist may be stale; fix it (npm run build) first:\n${failure}`;
  process.env.TSGRPC_BUILD_ERROR = error;
  process.stderr.write(`\n!! ${error}\n`);
};
