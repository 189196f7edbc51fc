#!/usr/bin/env node
/**
 * `npm run fuzz`: the fixed-seed fuzz tests of CI, run longer and with a
 * fresh seed. FUZZ_SCALE multiplies every input count (default 20);
 * FUZZ_SEED repeats a run. Prints inputs and inputs/s per target, and the
 * seed to reproduce a failure with.
 */
const { spawnSync } = require("node:child_process");
const { mkdtempSync, readFileSync, existsSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const root = join(__dirname, "..");
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const scale = process.env.FUZZ_SCALE ?? "20";
const report = join(mkdtempSync(join(tmpdir(), "tsgrpc-fuzz-")), "report.jsonl");

console.log(`fuzz: seed ${seed}, scale ${scale}`);
const jest = spawnSync(
  process.execPath,
  [
    join(root, "node_modules", "jest", "bin", "jest.js"),
    "--testTimeout=86400000",
    "runtime/test/fuzz",
    "plugin/test/fuzz-plugin.test.ts",
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, FUZZ_SEED: seed, FUZZ_SCALE: scale, FUZZ_REPORT: report } },
);

const rows = existsSync(report)
  ? readFileSync(report, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
let inputs = 0;
let ms = 0;
for (const r of rows) {
  inputs += r.inputs;
  ms += r.ms;
  console.log(
    `${r.name.padEnd(40)} ${String(r.inputs).padStart(9)} inputs ${(r.ms / 1000).toFixed(1).padStart(7)} s ${Math.round(r.inputs / (r.ms / 1000))
      .toString()
      .padStart(8)} /s  slowest ${r.perInputMaxMs.toFixed(1)} ms`,
  );
}
console.log(
  `fuzz: ${inputs} inputs in ${(ms / 1000).toFixed(1)} s (${Math.round(inputs / (ms / 1000))} /s), seed ${seed}: ${jest.status === 0 ? "no failure" : "FAILED, rerun with FUZZ_SEED=" + seed}`,
);
process.exit(jest.status ?? 1);
