/**
 * The systematic hunt for names that break generated code: every keyword,
 * contextual keyword, global and runtime name in every naming position, and
 * every set of spellings the case conversions map together
 * (adversarial-schema.ts), generated as `ts` and as `js+dts`; the `.ts` and
 * `.d.ts` must pass tsc under every strictness flag, and the `.js` must load
 * in Node with every message class round-tripping a value through binary and JSON.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { CodeGeneratorRequestSchema, CodeGeneratorResponseSchema } from "@bufbuild/protobuf/wkt";
import { protocGenTsgrpc } from "../src/index";
import { runPlugin } from "../src/run";
import { adversarialFiles, adversarialWords } from "./adversarial-schema";
import { root, strictestProject, tempDir, tsc } from "./compilers";

const words = adversarialWords();
const files = adversarialFiles(words);

function generate(target: string): Map<string, string> {
  const request = create(CodeGeneratorRequestSchema, {
    fileToGenerate: files.map((f) => f.name),
    protoFile: files,
    parameter: `target=${target},import_extension=js`,
  });
  const response = fromBinary(CodeGeneratorResponseSchema, runPlugin(protocGenTsgrpc, toBinary(CodeGeneratorRequestSchema, request)));
  expect(response.error).toBe("");
  return new Map(response.file.map((f) => [f.name, f.content]));
}

function writeProject(generated: Map<string, string>): string {
  const dir = tempDir();
  for (const [name, content] of generated) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

beforeAll(() => {
  const build = spawnSync(join(root, "node_modules", ".bin", "tsc"), ["-b", "runtime"], { cwd: root, encoding: "utf8" });
  expect(build.stdout).toBe("");
}, 300_000);

it("the schema puts more than a hundred words in every position", () => {
  expect(words.length).toBeGreaterThan(100);
  for (const w of [
    "readonly",
    "keyof",
    "unique",
    "infer",
    "asserts",
    "is",
    "satisfies",
    "class",
    "await",
    "yield",
    "constructor",
    "__proto__",
    "then",
    "Promise",
    "AsyncIterable",
  ]) {
    expect(words).toContain(w);
  }
  expect(files.length).toBe(4 + words.length);
});

it("target=ts type-checks under every strictness flag", () => {
  const generated = generate("ts");
  expect(generated.size).toBe(files.length + 1); // and a _grpc.ts for services.proto
  const dir = writeProject(generated);
  const check = tsc(strictestProject(dir, [dir]));
  expect(check.stdout).toBe("");
  expect(check.status).toBe(0);
}, 300_000);

it("target=js+dts: the declarations type-check, and every module loads and round-trips its messages", () => {
  const generated = generate("js+dts");
  const dir = writeProject(generated);
  const check = tsc(strictestProject(dir, [dir]));
  expect(check.stdout).toBe("");
  expect(check.status).toBe(0);
  mkdirSync(join(dir, "node_modules", "@tsgrpc"), { recursive: true });
  symlinkSync(join(root, "runtime"), join(dir, "node_modules", "@tsgrpc", "runtime"));
  const modules = [...generated.keys()].filter((f) => f.endsWith(".js"));
  const script = `
    let classes = 0;
    for (const path of ${JSON.stringify(modules)}) {
      const mod = await import("./" + path);
      for (const value of Object.values(mod)) {
        if (typeof value !== "function" || typeof value.typeName !== "string" || !value.$fields) continue;
        const msg = new value();
        if (!value.fromBinary(msg.toBinary()).equals(msg)) throw new Error(value.typeName + ": binary round trip");
        if (!value.fromJson(msg.toJson()).equals(msg)) throw new Error(value.typeName + ": JSON round trip");
        classes++;
      }
    }
    console.log(classes);`;
  writeFileSync(join(dir, "load.mjs"), script);
  const run = spawnSync(process.execPath, [join(dir, "load.mjs")], { cwd: dir, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(Number(run.stdout)).toBeGreaterThan(2 * words.length);
}, 300_000);
