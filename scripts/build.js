#!/usr/bin/env node
/**
 * `npm run build`: the runtime twice, as CommonJS (runtime/dist, with the
 * .d.ts every consumer's types come from) and as ES modules
 * (runtime/dist/esm), then the plugin. dist/esm gets a package.json saying
 * "type": "module" (so Node loads its .js as ESM) and repeating the
 * runtime's "sideEffects" (bundlers read the nearest package.json). Incremental:
 * about a second when nothing changed.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const { mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");

/** Builds; returns tsc's output on failure, undefined on success. */
function build() {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-b", "runtime", "runtime/tsconfig.esm.json", "plugin"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) return `${r.stdout}${r.stderr}${r.error ?? ""}`;
  const esm = join(root, "runtime", "dist", "esm");
  mkdirSync(esm, { recursive: true });
  // The runtime's own "sideEffects", relative to dist/esm: the modules that install text format.
  const { sideEffects } = JSON.parse(readFileSync(join(root, "runtime", "package.json"), "utf8"));
  const here = sideEffects.filter((f) => f.startsWith("./dist/esm/")).map((f) => "./" + f.slice("./dist/esm/".length));
  writeFileSync(join(esm, "package.json"), JSON.stringify({ type: "module", sideEffects: here }) + "\n");
  return undefined;
}

module.exports = { build };

if (require.main === module) {
  const error = build();
  if (error !== undefined) {
    process.stderr.write(error);
    process.exit(1);
  }
}
