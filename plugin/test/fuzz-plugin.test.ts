import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { clone, create, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  CodeGeneratorRequestSchema,
  FileDescriptorSetSchema,
  type CodeGeneratorRequest,
  type CodeGeneratorResponse,
  type DescriptorProto,
  type FileDescriptorProto,
} from "@bufbuild/protobuf/wkt";
import { protocGenTsgrpc } from "../src/index";
import { fixtureFiles, protoRoot, root, tempDir, unexpectedProtocOutput, wktInclude } from "./compilers";
import { HANG_MS, runs, seed, timed } from "../../runtime/test/fuzz/budget";

/** Every fixture compiled once by protoc into a descriptor set, as protoc would hand it to the plugin. */
function fixtureRequest(): CodeGeneratorRequest {
  const out = join(tempDir(), "set.pb");
  const files = fixtureFiles();
  const r = spawnSync(
    join(root, "node_modules", ".bin", "protoc"),
    [`-I${protoRoot}`, `-I${wktInclude}`, "--include_imports", `--descriptor_set_out=${out}`, ...files],
    { encoding: "utf8" },
  );
  expect(unexpectedProtocOutput(r.stderr)).toBe("");
  const set = fromBinary(FileDescriptorSetSchema, readFileSync(out));
  // Every fixture is in the request (mutations reach them all), but only the hostile ones are generated: generating is most of each run.
  const fileToGenerate = files.filter((f) => /^(collide|rpc)\/|hostile\/v1\/(tree|forest)/.test(f));
  return create(CodeGeneratorRequestSchema, { fileToGenerate, protoFile: set.file, parameter: "target=ts,import_extension=js" });
}

/** Valid proto identifiers, weighted toward the ones generated code must escape. */
const identifier = fc.oneof(
  fc.constantFrom(
    "class",
    "constructor",
    "__proto__",
    "toString",
    "then",
    "Object",
    "Message",
    "Promise",
    "default",
    "await",
    "enum",
    "$fields",
    "typeName",
    "_",
    "A_B",
    "file_x",
  ),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/),
);

type Mutation = (request: CodeGeneratorRequest, pick: number, text: string) => void;

function messagesOf(file: FileDescriptorProto): DescriptorProto[] {
  const all: DescriptorProto[] = [];
  const walk = (m: DescriptorProto) => (all.push(m), m.nestedType.forEach(walk));
  file.messageType.forEach(walk);
  return all;
}

/** Applies `change` to the `pick`-th of `items`, if there are any. */
function edit<T>(items: T[], pick: number, change: (item: T) => void): void {
  if (items.length) change(items[pick % items.length]);
}
const messages = (r: CodeGeneratorRequest) => r.protoFile.flatMap(messagesOf);
const fields = (r: CodeGeneratorRequest) => messages(r).flatMap((m) => m.field);
const enumValues = (r: CodeGeneratorRequest) => r.protoFile.flatMap((f) => f.enumType).flatMap((e) => e.value);
const methods = (r: CodeGeneratorRequest) => r.protoFile.flatMap((f) => f.service).flatMap((s) => s.method);

/**
 * Damage a descriptor could carry if a compiler, a tool or a hand-built request got it wrong.
 * Parameters always keep `target=ts`: the default targets run the TypeScript
 * compiler over the output, seconds per request, which tests tsc, not us.
 */
const mutations: Mutation[] = [
  (r, p, t) => edit(messages(r), p, (m) => (m.name = t)),
  (r, p, t) => edit(fields(r), p, (f) => (f.name = t)),
  (r, p, t) => edit(fields(r), p, (f) => (f.jsonName = t)),
  (r, p) => edit(fields(r), p, (f) => (f.type = p % 20)),
  (r, p) => edit(fields(r), p, (f) => (f.label = p % 5)),
  (r, p) => edit(fields(r), p, (f) => (f.number = [0, -1, 1, 19000, 536870912, 2 ** 31 - 1][p % 6]!)),
  (r, p, t) => edit(fields(r), p, (f) => (f.typeName = p % 2 ? `.${t}` : t)),
  (r, p) => edit(fields(r), p, (f) => (f.oneofIndex = p % 3)),
  (r, p, t) => edit(enumValues(r), p, (v) => (v.name = t)),
  (r, p, t) => edit(r.protoFile, p, (f) => (f.package = t)),
  (r, p) => edit(r.protoFile, p, (f) => (f.syntax = ["", "proto2", "proto3", "editions", "proto4"][p % 5]!)),
  (r, p) => edit(r.protoFile, p, (f) => f.dependency.splice(0, 1)),
  (r, p) => void r.protoFile.splice(p % Math.max(1, r.protoFile.length), 1),
  (r, p, t) => edit(methods(r), p, (m) => (m.name = t)),
  (r, p, t) => edit(methods(r), p, (m) => (m.inputType = `.${t}`)),
  (r, p, t) => edit(r.fileToGenerate, p, () => (r.fileToGenerate[p % r.fileToGenerate.length] = `${t}.proto`)),
  (r, p, t) =>
    (r.parameter = "target=ts," + [`${t}=1`, "long_type=string", "services=false", `,,=${t}`, `runtime_import=${t}`, "import_extension=none"][p % 6]),
];

/** A fixture request with 1 to 3 mutations. */
const mutatedRequest = (base: CodeGeneratorRequest) =>
  fc.array(fc.tuple(fc.nat(mutations.length - 1), fc.nat(), identifier), { minLength: 1, maxLength: 3 }).map((ops) => {
    const r = clone(CodeGeneratorRequestSchema, base);
    for (const [m, p, t] of ops) mutations[m](r, p, t);
    return r;
  });

/**
 * The whole outcome: a response with files or an `error`, or an Error saying
 * what is wrong (that is how @bufbuild/protoplugin reports an invalid
 * descriptor or option; its runner prints it and exits 1).
 */
type Outcome = { response: CodeGeneratorResponse } | { thrown: unknown };

function run(request: CodeGeneratorRequest): Outcome {
  try {
    return { response: protocGenTsgrpc.run(request) };
  } catch (thrown) {
    return { thrown };
  }
}

/**
 * Generated TypeScript with a syntax error means an identifier escaped badly.
 * Files the same as the unmutated request's output are not parsed again (parsing is most of the run time).
 */
function syntaxErrors(response: CodeGeneratorResponse, known: ReadonlyMap<string, string>): string[] {
  return response.file
    .filter((f) => known.get(f.name) !== f.content)
    .flatMap((f) => {
      const out = ts.transpileModule(f.content, { reportDiagnostics: true, fileName: "generated.ts", compilerOptions: { target: ts.ScriptTarget.ES2022 } });
      return (out.diagnostics ?? []).map((d) => `${f.name}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    });
}

/** Errors a JavaScript engine raises on a bug (a missing property, a runaway recursion): never a proper answer to bad input. */
const isCrash = (e: unknown) =>
  !(e instanceof Error) || e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || e instanceof SyntaxError;

describe("mutated CodeGeneratorRequests into the plugin, in process", () => {
  const base = fixtureRequest();

  const baseOutput = new Map<string, string>();

  test("the unmutated request generates the fixtures", () => {
    const outcome = run(base);
    if (!("response" in outcome)) throw outcome.thrown;
    expect(outcome.response.error).toBeFalsy();
    expect(outcome.response.file.length).toBe(13);
    expect(syntaxErrors(outcome.response, baseOutput)).toEqual([]);
    for (const f of outcome.response.file) baseOutput.set(f.name, f.content);
  });

  test("names that lowerCamelCase to nothing or to a leading digit (`_`, `_3d`) still give identifiers", () => {
    const request = clone(CodeGeneratorRequestSchema, base);
    const tree = messages(request).find((m) => m.name === "Tree")!;
    tree.field[0].name = "_";
    tree.field[1].name = "_3d";
    tree.oneofDecl[0].name = "_9";
    edit(methods(request), 0, (m) => (m.name = "_2x"));
    const outcome = run(request);
    if (!("response" in outcome)) throw outcome.thrown;
    expect(syntaxErrors(outcome.response, baseOutput)).toEqual([]);
    const tree_pb = outcome.response.file.find((f) => f.name === "hostile/v1/tree_pb.ts")!.content;
    expect(tree_pb).toContain('name: "_", localName: "_",');
    expect(tree_pb).toContain('name: "_3d", localName: "_3d",');
    expect(tree_pb).toContain("  _9: ");
  });

  test("structural mutations: a response (files or an error) or a clear Error, never a crash or broken code", () => {
    const inputs = fc.sample(mutatedRequest(base), { seed, numRuns: runs(40) });
    const failures: string[] = [];
    let generated = 0;
    const { perInputMaxMs } = timed("plugin structural", inputs, (request) => {
      const outcome = run(request);
      if ("thrown" in outcome) {
        if (isCrash(outcome.thrown)) failures.push(`crash: ${String((outcome.thrown as Error)?.stack ?? outcome.thrown)}`);
      } else if (!outcome.response.error) {
        generated++;
        failures.push(...syntaxErrors(outcome.response, baseOutput));
      }
    });
    expect(failures.slice(0, 5)).toEqual([]);
    expect(generated).toBeGreaterThan(0);
    expect(perInputMaxMs).toBeLessThan(HANG_MS * 10);
  });

  test("byte-level mutations of the encoded request: decoded ones are handled the same way", () => {
    const bytes = toBinary(CodeGeneratorRequestSchema, base);
    const inputs = fc.sample(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.nat(255)), { minLength: 1, maxLength: 4 }), { seed, numRuns: runs(20) });
    const failures: string[] = [];
    timed("plugin bytes", inputs, (edits) => {
      const damaged = bytes.slice();
      for (const [i, b] of edits) damaged[i] = b;
      let request: CodeGeneratorRequest;
      try {
        request = fromBinary(CodeGeneratorRequestSchema, damaged);
      } catch {
        return; // protoc never sends bytes its own decoder rejects
      }
      const outcome = run(request);
      if ("thrown" in outcome && isCrash(outcome.thrown)) failures.push(`crash: ${String((outcome.thrown as Error)?.stack ?? outcome.thrown)}`);
    });
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
