import { buildSync } from "esbuild";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

/**
 * What a web app ships: an entry that imports one message from a generated
 * file with eight, bundled by esbuild for the browser from the built runtime
 * package (its ESM build, through package.json "exports" and "sideEffects",
 * as a user's bundler reads them), minified and gzipped. Then run where no
 * Node API exists, to prove none is needed.
 */
const root = join(__dirname, "..", "..");
const BUDGET = 15 * 1024;

/** The bundle of `code` (an entry module in testdata/), minified, as an IIFE; `inputs`: the files it holds code of. */
function bundle(code: string): { text: string; gzipped: number; inputs: string[] } {
  const r = buildSync({
    stdin: { contents: code, loader: "ts", resolveDir: join(root, "testdata"), sourcefile: "entry.ts" },
    bundle: true,
    platform: "browser",
    format: "iife",
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const text = r.outputFiles[0].text;
  const kept = Object.entries(Object.values(r.metafile.outputs)[0].inputs).filter(([, v]) => v.bytesInOutput > 0);
  return { text, gzipped: gzipSync(text, { level: 9 }).length, inputs: kept.map(([file]) => file) };
}

const oneMessage = `
  import { GetUserRequest } from "./gen/users/v1/user_service_pb.js";
  const bytes = new GetUserRequest({ id: "u-1" }).toBinary();
  const read = GetUserRequest.fromBinary(bytes);
  (globalThis as any).result = [read.id, read.toJsonString(), GetUserRequest.fromJsonString('{"id":"u-2"}').equals(new GetUserRequest({ id: "u-2" }))];
`;

/** A context holding only ECMAScript's globals plus what every browser has that the entry may use. */
function runWithoutNode(text: string, web: Record<string, unknown>): unknown {
  const sandbox: Record<string, unknown> = { ...web };
  runInNewContext(text, sandbox);
  return sandbox.result;
}

describe("one message bundled for the browser", () => {
  const b = bundle(oneMessage);

  it(`fits the budget of ${BUDGET / 1024} KB gzipped`, () => {
    expect(b.gzipped).toBeLessThanOrEqual(BUDGET);
  });

  it("leaves out the file's other messages, the other well-known types, text format and gRPC", () => {
    const classes = [...b.text.matchAll(/static typeName="([^"]+)"/g)].map((m) => m[1]);
    expect(classes).toEqual(["users.v1.GetUserRequest"]);
    expect(b.inputs.some((f) => f.includes("/esm/"))).toBe(true); // the ESM build, not CommonJS
    expect(b.inputs.filter((f) => /runtime\/dist\/esm\/(text|grpc|gen)\/|grpc-js/.test(f))).toEqual([]);
  });

  it("holds a well-known type's JSON form only when the app imports that type", () => {
    expect(b.inputs.filter((f) => f.includes("/json/wkt-"))).toEqual([]);
    const withTimes = bundle(`
      import { Times } from "./gen/scalars/v1/scalars_pb.js";
      const t = Times.fromJsonString('{"at":"2024-01-02T03:04:05.500Z","took":"1.5s","seen":{"a":"1970-01-01T00:00:00Z"}}');
      (globalThis as any).result = t.toJsonString();
    `);
    const forms = withTimes.inputs.filter((f) => f.includes("/json/wkt-")).map((f) => f.replace(/.*\/json\//, ""));
    expect(forms.sort()).toEqual(["wkt-duration.js", "wkt-forms.js", "wkt-time.js", "wkt-timestamp.js"]);
    expect(runWithoutNode(withTimes.text, {})).toBe('{"at":"2024-01-02T03:04:05.500Z","took":"1.500s","seen":{"a":"1970-01-01T00:00:00Z"}}');
  });

  it("runs with no Node API, and imports without touching TextEncoder or TextDecoder", () => {
    // Short ASCII strings never need the encoding API, so it is not even provided here.
    expect(runWithoutNode(b.text, {})).toEqual(["u-1", '{"id":"u-1"}', true]);
  });

  it("uses the encoding API the browser has for long text", () => {
    const long = "é".repeat(100);
    const withText = bundle(`
      import { GetUserRequest } from "./gen/users/v1/user_service_pb.js";
      (globalThis as any).result = GetUserRequest.fromBinary(new GetUserRequest({ id: ${JSON.stringify(long)} }).toBinary()).id;
    `);
    expect(runWithoutNode(withText.text, { TextEncoder, TextDecoder })).toBe(long);
  });

  it("adds text format only when the app imports @tsgrpc/runtime/text", () => {
    const withText = bundle(
      `import "@tsgrpc/runtime/text";\n${oneMessage}\n(globalThis as any).text = new GetUserRequest({ id: "t" }).toText({ singleLine: true });`,
    );
    const sandbox: Record<string, unknown> = {};
    runInNewContext(withText.text, sandbox);
    expect(sandbox.text).toBe('id: "t"');
    expect(withText.gzipped).toBeGreaterThan(b.gzipped);
  });
});
