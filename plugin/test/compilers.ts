import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

/** Spawning the real compilers, as users run them. */
export const root = join(__dirname, "..", "..");
export const pluginBin = join(root, "plugin", "bin", "protoc-gen-tsgrpc");
export const protoRoot = join(root, "testdata", "proto");
export const wktInclude = join(root, "node_modules", "protoc", "include");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[]): Run {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", timeout: 300_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Throws when jest's global setup could not build plugin/dist (jest.global-setup.js): a test that spawns
 * the plugin would otherwise judge stale code.
 */
export function builtPlugin(): string {
  const error = process.env.TSGRPC_BUILD_ERROR;
  if (error) throw new Error(error);
  return pluginBin;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "tsgrpc-plugin-"));
}

/** protoc with our plugin; `files` relative to the include paths. */
export function protoc(out: string, opt: string, files: string[], includes = [protoRoot, wktInclude], extra: string[] = []): Run {
  mkdirSync(out, { recursive: true }); // protoc does not create it
  return run(bin("protoc"), [
    ...extra,
    ...includes.map((i) => `-I${i}`),
    `--plugin=protoc-gen-tsgrpc=${builtPlugin()}`,
    `--tsgrpc_out=${out}`,
    `--tsgrpc_opt=${opt}`,
    ...files,
  ]);
}

/** `buf generate` with the repository's buf.yaml and buf.gen.yaml, written below `outBase`. */
export function bufGenerate(outBase: string, template?: object): Run {
  builtPlugin();
  return run(bin("buf"), ["generate", "--output", outBase, ...(template ? ["--template", JSON.stringify(template)] : [])]);
}

export function tsc(project: string): Run {
  return run(bin("tsc"), ["-p", project]);
}

/**
 * Writes `dir/tsconfig.json` checking `include` under strict without emitting,
 * with `@tsgrpc/runtime` resolved to the runtime's source; returns its path.
 */
export function strictProject(dir: string, include: string[], compilerOptions: object = {}): string {
  const project = join(dir, "tsconfig.json");
  writeFileSync(
    project,
    JSON.stringify({
      extends: join(root, "tsconfig.base.json"),
      compilerOptions: {
        strict: true,
        noEmit: true,
        composite: false,
        types: ["node"],
        typeRoots: [join(root, "node_modules", "@types")],
        paths: {
          "@tsgrpc/runtime": [join(root, "runtime", "src", "index.ts")],
          "@tsgrpc/runtime/grpc": [join(root, "runtime", "src", "grpc", "index.ts")],
          "@tsgrpc/runtime/otel": [join(root, "runtime", "src", "otel", "index.ts")],
          "@tsgrpc/runtime/testing": [join(root, "runtime", "src", "testing", "index.ts")],
          "@tsgrpc/runtime/validate": [join(root, "runtime", "src", "validate", "index.ts")],
          "@tsgrpc/runtime/validate/grpc": [join(root, "runtime", "src", "validate", "grpc.ts")],
          "@tsgrpc/runtime/validate/cel": [join(root, "runtime", "src", "validate", "cel.ts")],
        },
        ...compilerOptions,
      },
      include,
    }),
  );
  return project;
}

/**
 * Every strictness flag TypeScript offers, on top of `strict`: generated `.ts` and `.d.ts` must compile under
 * all of them, since users cannot leave generated files out of type checking.
 */
export const strictestOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  allowUnreachableCode: false,
  allowUnusedLabels: false,
  verbatimModuleSyntax: true,
  isolatedModules: true,
} as const;

/**
 * Writes an ES module project (`"type": "module"`, `nodenext`) in `dir` checking `include` under
 * `strictestOptions`, with `@tsgrpc/runtime` resolved to the runtime's built declarations, as users get
 * them, and no skipLibCheck, so `.d.ts` files are checked too; returns the tsconfig's path. The runtime's
 * dist/ must be built (`npm run build`).
 */
export function strictestProject(dir: string, include: string[]): string {
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const project = join(dir, "tsconfig.json");
  const dist = join(root, "runtime", "dist");
  writeFileSync(
    project,
    JSON.stringify({
      compilerOptions: {
        ...strictestOptions,
        target: "ES2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        noEmit: true,
        skipLibCheck: false,
        types: ["node"],
        typeRoots: [join(root, "node_modules", "@types")],
        paths: {
          "@tsgrpc/runtime": [join(dist, "index.d.ts")],
          "@tsgrpc/runtime/grpc": [join(dist, "grpc", "index.d.ts")],
          "@tsgrpc/runtime/validate": [join(dist, "validate", "index.d.ts")],
          "@tsgrpc/runtime/validate/grpc": [join(dist, "validate", "grpc.d.ts")],
          "@tsgrpc/runtime/validate/cel": [join(dist, "validate", "cel.d.ts")],
        },
      },
      include,
    }),
  );
  return project;
}

/** Every file below `dir` as relative path → content. */
export function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out;
}

/**
 * protoc's output for the fixtures less the one warning they are meant to
 * cause: collide/v1/cases.proto has fields whose default JSON names collide
 * (the point of its FieldNames), which protoc reports as a warning under
 * `json_format = LEGACY_BEST_EFFORT` (buf stays silent). Anything else is left in.
 */
export function unexpectedProtocOutput(stderr: string): string {
  return stderr
    .split("\n")
    .filter(
      (line) =>
        line !== "" &&
        !/collide\/v1\/cases\.proto:\d+:\d+: warning: The default JSON name of field "\w+" \("\w+"\) conflicts with the default JSON name of field "\w+"\.$/.test(
          line,
        ),
    )
    .join("\n");
}

/** The .proto fixtures, relative to testdata/proto. */
export function fixtureFiles(): string[] {
  return [...readTree(protoRoot).keys()].filter((f) => f.endsWith(".proto"));
}
