"use strict";
/**
 * Builds the testee from the current plugin: generates the suite's protos
 * into gen/ with `buf generate` (buf.gen.yaml here), then transpiles src/ and
 * gen/ to CommonJS in dist/. Generated code is not committed: the suite must
 * judge what the plugin emits now.
 *
 * Transpiling only (no type check) keeps a run at seconds after every plugin
 * change; the generated code for these protos is type-checked under strict
 * by plugin/test/typecheck.slow.test.ts, and src/ by the root tsconfig.json. The
 * runtime comes from runtime/dist, built by `npm run build`. Run as a script,
 * it writes gen/ only, for the type check and the linter of a fresh clone.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const ts = require("typescript");

const here = __dirname;
const root = path.resolve(here, "../..");
const genDir = path.join(here, "gen");
const distDir = path.join(here, "dist");

function listFiles(dir, base = dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p)];
  });
}

/** Makes `dir` hold exactly `files` (relative path → content), rewriting only what differs. */
function writeTree(dir, files) {
  for (const rel of listFiles(dir)) if (!files.has(rel)) fs.rmSync(path.join(dir, rel));
  for (const [rel, content] of files) {
    const dest = path.join(dir, rel);
    if (fs.existsSync(dest) && fs.readFileSync(dest, "utf8") === content) continue;
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, content);
  }
}

function readTree(dir) {
  return new Map(listFiles(dir).map((rel) => [rel, fs.readFileSync(path.join(dir, rel), "utf8")]));
}

/** What `buf generate` with buf.gen.yaml writes now, as relative path → content. */
function generate() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tsgrpc-conformance-gen-"));
  try {
    const template = path.relative(root, path.join(here, "buf.gen.yaml"));
    const r = spawnSync(path.join(root, "node_modules/.bin/buf"), ["generate", "--template", template, "--output", scratch], { cwd: root, encoding: "utf8" });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`buf generate --template ${template} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    return readTree(path.join(scratch, path.relative(root, genDir)));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** src/ and gen/ as CommonJS, keyed by their path below dist/. */
function transpile() {
  const out = new Map();
  for (const dir of ["src", "gen"]) {
    for (const [rel, source] of readTree(path.join(here, dir))) {
      const fileName = path.join(here, dir, rel);
      const { outputText } = ts.transpileModule(source, {
        fileName,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, strict: true },
        reportDiagnostics: false,
      });
      out.set(path.join(dir, rel.replace(/\.ts$/, ".js")), outputText);
    }
  }
  return out;
}

/** gen/ alone: what the type check and the linter read (`npm run generate:consumers`). */
function generateSources() {
  writeTree(genDir, generate());
}

function buildTestee() {
  try {
    require.resolve("@tsgrpc/runtime");
  } catch {
    throw new Error("the testee needs @tsgrpc/runtime built (runtime/dist): run `npm run build` first");
  }
  generateSources();
  writeTree(distDir, transpile());
}

module.exports = { buildTestee, generateSources };

if (require.main === module) generateSources();
