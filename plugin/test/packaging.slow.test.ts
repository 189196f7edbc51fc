import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { delimiter, join } from "node:path";
import { readTree, root, tempDir, wktInclude } from "./compilers";

/**
 * The packages as users get them: `npm pack` of runtime/ and plugin/, installed
 * into a fresh project (a copy of testdata/packaging) whose esm/ and cjs/
 * consumers generate code with buf and protoc, compile it with tsc --strict and
 * make a real call over 127.0.0.1.
 */
const fixture = join(root, "testdata", "packaging");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

let project: string;
let tarballs: { runtime: string; plugin: string };

/** Runs a command in the consumer project, with its node_modules/.bin first on the PATH (as npm scripts do). */
function run(cmd: string, args: string[], cwd = project): string {
  // npm_* variables of an enclosing `npm test` (workspace, prefix...) must not steer the consumer's npm.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("npm_")));
  env.PATH = join(project, "node_modules", ".bin") + delimiter + env.PATH;
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8", timeout: 180_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const npmInstall = (...args: string[]) => run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", ...args]);
/** `protoc --plugin` with the installed plugin, as a user's script would run it; returns the output directory. */
function protocGenerate(outDir: string, opt: string): string {
  const out = join(project, outDir);
  mkdirSync(out, { recursive: true });
  run(bin("protoc"), ["-Iproto", `-I${wktInclude}`, "--plugin=protoc-gen-tsgrpc=node_modules/.bin/protoc-gen-tsgrpc", `--tsgrpc_out=${out}`, `--tsgrpc_opt=${opt}`, "greet/v1/greeter.proto"]);
  return out;
}

const installed = (name: string) => existsSync(join(project, "node_modules", name, "package.json"));

beforeAll(() => {
  project = tempDir();
  cpSync(fixture, project, { recursive: true });
  for (const consumer of ["esm", "cjs"]) {
    mkdirSync(join(project, consumer, "src"));
    for (const program of ["main.ts", "telemetry.ts"]) copyFileSync(join(fixture, program), join(project, consumer, "src", program));
  }
  // prepack builds each package, so the tarballs hold the current dist/.
  const packed = run("npm", ["pack", "-w", "runtime", "-w", "plugin", "--pack-destination", project], root).trim().split("\n");
  tarballs = {
    runtime: join(project, packed.find((f) => f.startsWith("tsgrpc-runtime-"))!),
    plugin: join(project, packed.find((f) => f.startsWith("tsgrpc-protoc-gen-tsgrpc-"))!),
  };
}, 180_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("the packed packages in a fresh project", () => {
  it("installs the runtime with grpc-js and without the plugin's dependencies", () => {
    npmInstall(tarballs.runtime);
    expect(installed("@tsgrpc/runtime")).toBe(true);
    expect(installed("@grpc/grpc-js")).toBe(true);
    expect(installed("@bufbuild/protoplugin")).toBe(false);
    expect(installed("@bufbuild/protobuf")).toBe(false);
    expect(installed("@tsgrpc/protoc-gen-tsgrpc")).toBe(false);
    // an optional peer dependency: only users of @tsgrpc/runtime/otel install it
    expect(installed("@opentelemetry/api")).toBe(false);
  }, 180_000);

  it("serves both entry points to import and require, as one copy", () => {
    const script = [
      'import { createRequire } from "node:module";',
      'import { Message } from "@tsgrpc/runtime";',
      'import { Server } from "@tsgrpc/runtime/grpc";',
      "const require = createRequire(import.meta.url);",
      'console.log(require("@tsgrpc/runtime").Message === Message, require("@tsgrpc/runtime/grpc").Server === Server);',
    ].join("\n");
    expect(run("node", ["--input-type=module", "-e", script])).toBe("true true\n");
  });

  it("gives every entry point to import and require as one ESM copy (Node's module-sync), with text format in Node", () => {
    const manifest = JSON.parse(readFileSync(join(project, "node_modules", "@tsgrpc", "runtime", "package.json"), "utf8")) as { exports: object };
    const entries = Object.keys(manifest.exports);
    // `/otel` and `/validate/cel` load optional peers (@opentelemetry/api, @bufbuild/cel) not installed here: only their resolution is checked.
    const needsPeer = ["@tsgrpc/runtime/otel", "@tsgrpc/runtime/validate/cel"];
    const specifiers = entries.map((e) => "@tsgrpc/runtime" + e.slice(1)).filter((s) => !needsPeer.includes(s));
    const script = [
      `for (const s of ${JSON.stringify(needsPeer)}) console.log(s, import.meta.resolve(s).includes("/dist/esm/"));`,
      'import { createRequire } from "node:module";',
      "const require = createRequire(import.meta.url);",
      `for (const s of ${JSON.stringify(specifiers)}) {`,
      "  const imported = await import(s);",
      "  const required = require(s);",
      '  console.log(s, import.meta.resolve(s).includes("/dist/esm/"), imported === required);',
      "}",
      'const { Timestamp } = await import("@tsgrpc/runtime");',
      "console.log(new Timestamp({ seconds: 1n }).toText({ singleLine: true }));",
    ].join("\n");
    const lines = run("node", ["--input-type=module", "-e", script]).trim().split("\n");
    expect(specifiers).toEqual(expect.arrayContaining(["@tsgrpc/runtime", "@tsgrpc/runtime/grpc", "@tsgrpc/runtime/text"]));
    expect(lines).toEqual([...needsPeer.map((s) => `${s} true`), ...specifiers.map((s) => `${s} true true`), "seconds: 1"]);
  });

  it("installs the plugin as a bin that buf and protoc find", () => {
    npmInstall("-D", tarballs.plugin);
    expect(run("protoc-gen-tsgrpc", ["--version"])).toMatch(/^protoc-gen-tsgrpc v\d+\.\d+\.\d+\n$/);
  }, 180_000);

  it("generates ES module TypeScript with buf generate, as protoc does with the same options", () => {
    run(bin("buf"), ["generate"], join(project, "esm"));
    const buf = readTree(join(project, "esm", "src", "gen"));
    expect([...buf.keys()]).toEqual(["greet/v1/greeter_grpc.ts", "greet/v1/greeter_pb.ts"]);
    expect(buf.get("greet/v1/greeter_grpc.ts")).toContain('from "./greeter_pb.js";');

    expect(readTree(protocGenerate("protoc-esm", "target=ts,import_extension=js"))).toEqual(buf);
  }, 120_000);

  it("generates CommonJS with declarations with protoc --plugin", () => {
    const gen = readTree(protocGenerate("cjs/src/gen", "target=js+dts,js_import_style=legacy_commonjs,import_extension=js"));
    expect([...gen.keys()]).toEqual(["greet/v1/greeter_grpc.d.ts", "greet/v1/greeter_grpc.js", "greet/v1/greeter_pb.d.ts", "greet/v1/greeter_pb.js"]);
    expect(gen.get("greet/v1/greeter_grpc.js")).toContain('require("@tsgrpc/runtime/grpc")');
    expect(gen.get("greet/v1/greeter_pb.js")).toContain('require("@tsgrpc/runtime")');
  }, 120_000);

  it("installs the OpenTelemetry API and SDK beside the runtime, as a user who wants telemetry does", () => {
    // the versions the repository tests with (already in npm's cache)
    const version = (name: string) => (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
    npmInstall(...["@opentelemetry/api", "@opentelemetry/core", "@opentelemetry/sdk-trace-base"].map((name) => `${name}@${version(name)}`));
    expect(installed("@opentelemetry/api")).toBe(true);
  }, 180_000);

  it("compiles both consumers with tsc --strict", () => {
    run("tsc", ["-p", "tsconfig.json"]);
    expect(readTree(join(project, "esm", "src")).get("main.js")).toContain('from "@tsgrpc/runtime/grpc"');
    expect(readTree(join(project, "cjs", "src")).get("main.js")).toContain('require("@tsgrpc/runtime/grpc")');
  }, 120_000);

  it.each([
    ["esm", "module"],
    ["cjs", "commonjs"],
  ])("makes a unary call over 127.0.0.1 from the %s consumer", (consumer, kind) => {
    const stdout = run("node", [join(consumer, "src", "main.js")]);
    expect(stdout).toBe(`${kind} {"greeting":"hello packaging","visits":"42","at":"1970-01-01T00:00:00Z"}\n`);
  }, 60_000);

  it.each([
    ["esm", "module"],
    ["cjs", "commonjs"],
  ])("traces a call between testServer and its client, and stubs a client, from the %s consumer", (consumer, kind) => {
    const stdout = run("node", [join(consumer, "src", "telemetry.js")]);
    expect(stdout).toBe(`${kind} greet.v1.Greeter/Greet server span is the client span's child stubbed\n`);
  }, 60_000);
});
