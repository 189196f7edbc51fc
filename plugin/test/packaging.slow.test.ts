import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { readTree, root, tempDir, wktInclude } from "./compilers";
import { readmeBlocks } from "./readme-blocks";
import { freePort } from "./free-port";

/**
 * The packages as users get them: `npm pack` of runtime/ and plugin/, installed into fresh projects that
 * generate code with buf and protoc, compile it with the TypeScript they install, and make real calls
 * over 127.0.0.1:
 * - testdata/packaging on TypeScript 5.9: an ES module consumer (esm/), a CommonJS one with js+dts output
 *   (cjs/), and a CommonJS one on node10 resolution (node10/);
 * - testdata/packaging/ts7 on TypeScript 7 with the tsconfig of `tsc --init`, ts and js+dts output;
 * - README's quickstart as written, as an ES module project and as a CommonJS one.
 * Slow (npm installs from the registry, TypeScript 5 and 7 over each project): the full tier only.
 */
const fixture = join(root, "testdata", "packaging");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

let packDir: string;
let tarballs: { runtime: string; plugin: string };
const projects: string[] = [];

function freshProject(from?: string): string {
  const dir = tempDir();
  projects.push(dir);
  // Symlinks as they are: node_modules/.bin of a copied project must point into the copy.
  if (from) cpSync(from, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

/** Runs a command in a consumer project, with its node_modules/.bin first on the PATH (as npm scripts do). */
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(cmd, args, { cwd, env: consumerEnv(cwd, env), encoding: "utf8", timeout: 240_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function consumerEnv(cwd: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // npm_* variables of an enclosing `npm test` (workspace, prefix...) must not steer the consumer's npm.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("npm_")));
  env.PATH = join(cwd, "node_modules", ".bin") + delimiter + env.PATH;
  return { ...env, ...extra };
}

const npmInstall = (cwd: string, ...args: string[]) => run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", ...args], cwd);
const installed = (cwd: string, name: string) => existsSync(join(cwd, "node_modules", name, "package.json"));

/** `protoc --plugin` with the installed plugin, as a user's script would run it; returns the output directory. */
function protocGenerate(project: string, outDir: string, opt: string): string {
  const out = join(project, outDir);
  mkdirSync(out, { recursive: true });
  run(
    bin("protoc"),
    [
      "-Iproto",
      `-I${wktInclude}`,
      "--plugin=protoc-gen-tsgrpc=node_modules/.bin/protoc-gen-tsgrpc",
      `--tsgrpc_out=${out}`,
      `--tsgrpc_opt=${opt}`,
      "greet/v1/greeter.proto",
    ],
    project,
  );
  return out;
}

function copyPrograms(project: string, dir: string, programs = ["main.ts"]): void {
  mkdirSync(join(project, dir), { recursive: true });
  for (const program of programs) copyFileSync(join(fixture, program), join(project, dir, program));
}

const callOutput = (kind: string) => `${kind} {"greeting":"hello packaging","visits":"42","at":"1970-01-01T00:00:00Z"}\n`;

beforeAll(() => {
  packDir = tempDir();
  projects.push(packDir);
  // The README's command (the checkout is installed already); prepack builds each package, so the
  // tarballs hold the current dist/.
  const packed = run("npm", ["pack", "-w", "runtime", "-w", "plugin", "--pack-destination", packDir], root).trim().split("\n");
  // README's install commands name these files.
  expect(packed.filter((line) => line.endsWith(".tgz")).sort()).toEqual(["tsgrpc-protoc-gen-tsgrpc-0.1.0.tgz", "tsgrpc-runtime-0.1.0.tgz"]);
  tarballs = { runtime: join(packDir, "tsgrpc-runtime-0.1.0.tgz"), plugin: join(packDir, "tsgrpc-protoc-gen-tsgrpc-0.1.0.tgz") };
}, 240_000);

afterAll(() => {
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
});

describe("the packed packages in a project on TypeScript 5.9", () => {
  let project: string;
  beforeAll(() => {
    project = freshProject(fixture);
    rmSync(join(project, "ts7"), { recursive: true });
    for (const consumer of ["esm", "cjs"]) copyPrograms(project, join(consumer, "src"), ["main.ts", "telemetry.ts"]);
    copyPrograms(project, join("node10", "src"));
  });

  it("installs the runtime with grpc-js and without the plugin's dependencies", () => {
    npmInstall(project, tarballs.runtime);
    expect(installed(project, "@tsgrpc/runtime")).toBe(true);
    expect(installed(project, "@grpc/grpc-js")).toBe(true);
    expect(installed(project, "@bufbuild/protoplugin")).toBe(false);
    expect(installed(project, "@bufbuild/protobuf")).toBe(false);
    expect(installed(project, "@tsgrpc/protoc-gen-tsgrpc")).toBe(false);
    // an optional peer dependency: only users of @tsgrpc/runtime/otel install it
    expect(installed(project, "@opentelemetry/api")).toBe(false);
  }, 240_000);

  it("serves both entry points to import and require, as one copy", () => {
    const script = [
      'import { createRequire } from "node:module";',
      'import { Message } from "@tsgrpc/runtime";',
      'import { Server } from "@tsgrpc/runtime/grpc";',
      "const require = createRequire(import.meta.url);",
      'console.log(require("@tsgrpc/runtime").Message === Message, require("@tsgrpc/runtime/grpc").Server === Server);',
    ].join("\n");
    expect(run("node", ["--input-type=module", "-e", script], project)).toBe("true true\n");
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
    const lines = run("node", ["--input-type=module", "-e", script], project).trim().split("\n");
    expect(specifiers).toEqual(expect.arrayContaining(["@tsgrpc/runtime", "@tsgrpc/runtime/grpc", "@tsgrpc/runtime/text"]));
    expect(lines).toEqual([...needsPeer.map((s) => `${s} true`), ...specifiers.map((s) => `${s} true true`), "seconds: 1"]);
  });

  it("installs the plugin as a bin that buf and protoc find", () => {
    npmInstall(project, "-D", tarballs.plugin);
    expect(run("protoc-gen-tsgrpc", ["--version"], project)).toMatch(/^protoc-gen-tsgrpc v\d+\.\d+\.\d+\n$/);
  }, 240_000);

  it("generates ES module TypeScript with buf generate, as protoc does with the same options", () => {
    run(bin("buf"), ["generate"], join(project, "esm"));
    const buf = readTree(join(project, "esm", "src", "gen"));
    expect([...buf.keys()]).toEqual(["greet/v1/greeter_grpc.ts", "greet/v1/greeter_pb.ts"]);
    expect(buf.get("greet/v1/greeter_grpc.ts")).toContain('from "./greeter_pb.js";');

    expect(readTree(protocGenerate(project, "protoc-esm", "target=ts,import_extension=js"))).toEqual(buf);
  }, 120_000);

  it("generates CommonJS with declarations with protoc --plugin", () => {
    const gen = readTree(protocGenerate(project, "cjs/src/gen", "target=js+dts,js_import_style=legacy_commonjs,import_extension=js"));
    expect([...gen.keys()]).toEqual(["greet/v1/greeter_grpc.d.ts", "greet/v1/greeter_grpc.js", "greet/v1/greeter_pb.d.ts", "greet/v1/greeter_pb.js"]);
    expect(gen.get("greet/v1/greeter_grpc.js")).toContain('require("@tsgrpc/runtime/grpc")');
    expect(gen.get("greet/v1/greeter_pb.js")).toContain('require("@tsgrpc/runtime")');
  }, 120_000);

  it("installs the OpenTelemetry API and SDK beside the runtime, as a user who wants telemetry does", () => {
    // the versions the repository tests with (already in npm's cache)
    const version = (name: string) => (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
    npmInstall(project, ...["@opentelemetry/api", "@opentelemetry/core", "@opentelemetry/sdk-trace-base"].map((name) => `${name}@${version(name)}`));
    expect(installed(project, "@opentelemetry/api")).toBe(true);
  }, 240_000);

  it("compiles the ES module and CommonJS consumers with tsc --strict", () => {
    run("tsc", ["-p", "tsconfig.json"], project);
    expect(readTree(join(project, "esm", "src")).get("main.js")).toContain('from "@tsgrpc/runtime/grpc"');
    expect(readTree(join(project, "cjs", "src")).get("main.js")).toContain('require("@tsgrpc/runtime/grpc")');
  }, 120_000);

  it('compiles a "module": "commonjs" consumer, whose node10 resolution finds @tsgrpc/runtime/grpc through typesVersions', () => {
    protocGenerate(project, "node10/src/gen", "target=ts,import_extension=js");
    const trace = run("tsc", ["-p", "node10", "--traceResolution"], project);
    expect(trace).toMatch(/Module name '@tsgrpc\/runtime\/grpc' was successfully resolved to '.*\/node_modules\/@tsgrpc\/runtime\/dist\/grpc\/index\.d\.ts'/);
    expect(trace).toContain("'package.json' has a 'typesVersions' field");
  }, 120_000);

  it.each([
    ["esm", "module"],
    ["cjs", "commonjs"],
    ["node10", "commonjs"],
  ])(
    "makes a unary call over 127.0.0.1 from the %s consumer",
    (consumer, kind) => {
      expect(run("node", [join(consumer, "src", "main.js")], project)).toBe(callOutput(kind));
    },
    60_000,
  );

  it.each([
    ["esm", "module"],
    ["cjs", "commonjs"],
  ])(
    "traces a call between testServer and its client, and stubs a client, from the %s consumer",
    (consumer, kind) => {
      const stdout = run("node", [join(consumer, "src", "telemetry.js")], project);
      expect(stdout).toBe(`${kind} greet.v1.Greeter/Greet server span is the client span's child stubbed\n`);
    },
    60_000,
  );
});

describe("the packed packages in a project on TypeScript 7 with the tsconfig of tsc --init", () => {
  let project: string;
  beforeAll(() => {
    project = freshProject(join(fixture, "ts7"));
    cpSync(join(fixture, "proto"), join(project, "proto"), { recursive: true });
    copyPrograms(project, "src");
    copyPrograms(project, "js");
  });

  it("installs TypeScript 7 beside the packages", () => {
    npmInstall(project, tarballs.runtime);
    npmInstall(project, "-D", tarballs.plugin, "@bufbuild/buf", "typescript@7", "@types/node@20");
    expect(run("tsc", ["--version"], project)).toMatch(/^Version 7\./);
    run("tsc", ["--init", "--types", "node"], project);
    const tsconfig = readFileSync(join(project, "tsconfig.json"), "utf8");
    for (const flag of ["strict", "noUncheckedIndexedAccess", "exactOptionalPropertyTypes", "verbatimModuleSyntax", "isolatedModules"]) {
      expect(tsconfig).toMatch(new RegExp(`^\\s*"${flag}": true`, "m"));
    }
  }, 240_000);

  it("generates target=ts and target=js+dts with buf, whichever TypeScript the project has", () => {
    run(bin("buf"), ["generate"], project);
    expect([...readTree(join(project, "src", "gen")).keys()]).toEqual(["greet/v1/greeter_grpc.ts", "greet/v1/greeter_pb.ts"]);
    const js = readTree(join(project, "js", "gen"));
    expect([...js.keys()]).toEqual(["greet/v1/greeter_grpc.d.ts", "greet/v1/greeter_grpc.js", "greet/v1/greeter_pb.d.ts", "greet/v1/greeter_pb.js"]);
    expect(js.get("greet/v1/greeter_grpc.d.ts")).toContain("greet(request: PartialMessage<GreetRequest>, options?: CallOptions): Promise<GreetResponse>;");
  }, 120_000);

  it("compiles both under those defaults, the declarations checked too", () => {
    run("tsc", ["-p", "."], project);
    run("tsc", ["-p", ".", "--noEmit", "--skipLibCheck", "false"], project);
  }, 120_000);

  it.each(["src", "js"])(
    "makes a unary call over 127.0.0.1 with the %s output",
    (dir) => {
      expect(run("node", [join(dir, "main.js")], project)).toBe(callOutput("module"));
    },
    60_000,
  );
});

describe("README's quickstart, as written", () => {
  const blocks = readmeBlocks();
  const commands = blocks.filter((b) => b.tag === "quickstart").map((b) => b.code);
  const files = blocks.filter((b) => b.tag.startsWith("file=")).map((b) => ({ path: b.tag.slice("file=".length), code: b.code }));
  const projectOf: Record<string, string> = {};

  it("packs in the checkout with the command the test ran", () => {
    expect(commands[0]).toMatch(/^npm install && npm pack -w runtime -w plugin --pack-destination \/tmp +# in the tsgrpc checkout\n$/);
  });

  it("installs in a new folder, with /tmp as the packs' folder, as an ES module project", () => {
    const esm = freshProject();
    for (const line of commands[1].trim().split("\n")) run("bash", ["-ec", line.replaceAll("/tmp/", `${packDir}/`)], esm);
    expect((JSON.parse(readFileSync(join(esm, "package.json"), "utf8")) as { type?: string }).type).toBe("module");
    projectOf["esm"] = esm;
    // README: "For CommonJS, leave out `npm pkg set type=module`": the same install, with the "type" that
    // `npm init -y` writes (installing it all again would only cost time).
    const cjs = freshProject(esm);
    run("npm", ["pkg", "set", "type=commonjs"], cjs);
    projectOf["cjs"] = cjs;
  }, 480_000);

  describe.each(["esm", "cjs"])("in the %s project", (kind) => {
    it("generates and compiles the files it shows", () => {
      const project = projectOf[kind];
      expect(files.map((f) => f.path)).toEqual(["buf.yaml", "buf.gen.yaml", "proto/greet/v1/greeter.proto", "tsconfig.json", "src/server.ts", "src/client.ts"]);
      for (const { path, code } of files) {
        mkdirSync(join(project, dirname(path)), { recursive: true });
        writeFileSync(join(project, path), code);
      }
      const [build] = commands[2].trim().split("\n");
      expect(build).toBe("npx buf generate && npx tsc");
      run("bash", ["-ec", build], project);
      expect(readFileSync(join(project, "dist", "server.js"), "utf8")).toContain(
        kind === "esm" ? 'from "@tsgrpc/runtime/grpc"' : 'require("@tsgrpc/runtime/grpc")',
      );
    }, 240_000);

    it("runs the server, then the client, then stops the server with Ctrl-C", async () => {
      const project = projectOf[kind];
      const [, serve, call] = commands[2]
        .trim()
        .split("\n")
        .map((l) => l.replace(/\s+#.*$/, ""));
      expect([serve, call]).toEqual(["node dist/server.js", "node dist/client.js"]);
      const env = consumerEnv(project, { PORT: String(await freePort()) });
      const server = spawn("bash", ["-c", `exec ${serve}`], { cwd: project, env });
      let out = "";
      server.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      server.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
      try {
        while (!out.includes(`listening on port ${env.PORT}\n`)) {
          if (server.exitCode !== null) throw new Error(`the server exited: ${out}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const client = spawnSync("bash", ["-c", call], { cwd: project, env, encoding: "utf8", timeout: 30_000 });
        expect(client.stderr).toBe("");
        expect(client.stdout).toBe("Hello, world!\n");
      } finally {
        server.kill("SIGINT");
      }
      expect(await exited).toBe(0);
    }, 60_000);
  });
});
