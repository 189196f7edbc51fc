"use strict";
/**
 * Builds the testee from the current plugin: generates the suite's protos
 * into gen/ with `buf generate` (buf.gen.yaml here), then compiles src/ and
 * gen/ to dist/ with `tsc -b`. Generated code is not committed: the suite
 * must judge what the plugin emits now. Files whose content did not change
 * are left untouched so tsc's up-to-date check stays fast.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const here = __dirname;
const root = path.resolve(here, "../..");
const genDir = path.join(here, "gen");

function run(file, args) {
  const r = spawnSync(file, args, { cwd: root, encoding: "utf8" });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${path.basename(file)} ${args.join(" ")} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
}

function listFiles(dir, base = dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p)];
  });
}

/** Makes `target` hold exactly the files of `source`, rewriting only those that differ. */
function syncTree(source, target) {
  const wanted = new Set(listFiles(source));
  for (const rel of listFiles(target)) if (!wanted.has(rel)) fs.rmSync(path.join(target, rel));
  for (const rel of wanted) {
    const content = fs.readFileSync(path.join(source, rel));
    const dest = path.join(target, rel);
    if (fs.existsSync(dest) && fs.readFileSync(dest).equals(content)) continue;
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, content);
  }
}

function buildTestee() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tsgrpc-conformance-gen-"));
  try {
    run(path.join(root, "node_modules/.bin/buf"), ["generate", "--template", path.relative(root, path.join(here, "buf.gen.yaml")), "--output", scratch]);
    syncTree(path.join(scratch, path.relative(root, genDir)), genDir);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  run(process.execPath, [require.resolve("typescript/bin/tsc"), "-b", path.relative(root, here)]);
}

module.exports = { buildTestee };
