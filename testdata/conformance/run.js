#!/usr/bin/env node
"use strict";
/**
 * `npm run conformance`: builds the testee from the current plugin (see
 * build.js), then runs the official conformance suite against it with
 * recommended tests enforced and editions included (the runner leaves the
 * Editions_* tests out unless `--maximum_edition` names one). Extra arguments
 * go to the runner (e.g. `--test <name>`). Tests known to fail are listed in
 * failure_list.txt. Exits with the runner's status.
 * The runner runs its text format suite only once the binary and JSON suite
 * has passed.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { buildTestee } = require("./build.js");
const { withLock } = require("./lock.js");
const { runnerCommand } = require("./runner.js");

/** Runs the runner against the freshly built testee; returns the runner's exit status. */
function runSuite(extraArgs) {
  buildTestee();
  // The runner writes failing_tests.txt into --output_dir, by default "/"; the failures are printed anyway.
  const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgrpc-conformance-"));
  try {
    const { file, args } = runnerCommand([
      "--enforce_recommended",
      "--maximum_edition",
      "2024",
      "--failure_list",
      path.join(__dirname, "failure_list.txt"),
      "--output_dir",
      outputDir,
      ...extraArgs,
      path.join(__dirname, "testee"),
    ]);
    const r = spawnSync(file, args, { stdio: "inherit" });
    if (r.error) throw r.error;
    return r.status ?? 1;
  } finally {
    fs.rmSync(outputDir, { recursive: true, force: true });
  }
}

// One run at a time per work tree: each rebuilds gen/ and dist/.
process.exitCode = withLock(path.join(__dirname, ".run.lock"), () => runSuite(process.argv.slice(2)));
