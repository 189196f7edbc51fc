#!/usr/bin/env node
"use strict";
/**
 * `npm run conformance`: runs the official conformance suite against our
 * testee with recommended tests enforced. Extra arguments go to the runner
 * (e.g. `--test <name>`). Exits with the runner's status.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { runnerCommand } = require("./runner.js");

const testee = path.join(__dirname, "testee");
if (!fs.existsSync(path.join(__dirname, "dist/src/testee.js"))) {
  console.error("conformance: the testee is not built; run `npm run build` first");
  process.exit(2);
}
// The runner writes failing_tests.txt into --output_dir, by default "/"; the failures are printed anyway.
const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgrpc-conformance-"));
try {
  const { file, args } = runnerCommand(["--enforce_recommended", "--output_dir", outputDir, ...process.argv.slice(2), testee]);
  const r = spawnSync(file, args, { stdio: "inherit" });
  if (r.error) throw r.error;
  process.exitCode = r.status ?? 1;
} finally {
  fs.rmSync(outputDir, { recursive: true, force: true });
}
