import { dirname, join } from "node:path";
import ts from "typescript";
import { transpile, TranspileError } from "../src/transpile";

/**
 * js / dts output comes from the plugin's own TypeScript, whatever TypeScript the user's project has;
 * packaging.slow.test.ts runs it in projects on TypeScript 5.9 and on TypeScript 7, which has no
 * JavaScript API and ships no lib files.
 */
describe("transpile", () => {
  const pluginDir = join(__dirname, "..");

  it("uses the TypeScript pinned in the plugin's dependencies, resolved from the plugin's folder", () => {
    const pinned = (require(join(pluginDir, "package.json")) as { dependencies: Record<string, string> }).dependencies["typescript"];
    const resolved = require.resolve("typescript", { paths: [pluginDir] });
    expect(ts.version).toBe(pinned);
    expect(require(resolved)).toBe(ts);
  });

  it("reads no @types packages of the folder it runs in", () => {
    // This repository's node_modules/@types holds jest's and babel's: any of them would be an error here.
    expect(transpile([{ name: "t.ts", content: "export const t = 1;\n" }], false, true, "module").map((f) => f.content)).toEqual([
      "export declare const t = 1;\n",
    ]);
  });

  it("writes declarations that name lib types (Promise, AsyncIterable, bigint) from that TypeScript's own lib files", () => {
    const files = [
      {
        name: "a/b_pb.ts",
        preamble: "// preamble",
        content: "export class C { n = 0n; async get() { return this.n; } async *all() { yield this.n; } }\n",
      },
    ];
    const out = transpile(files, true, true, "module");
    expect(out.map((f) => f.name).sort()).toEqual(["a/b_pb.d.ts", "a/b_pb.js"]);
    const dts = out.find((f) => f.name === "a/b_pb.d.ts")!;
    expect(dts.preamble).toBe("// preamble");
    expect(dts.content).toContain("get(): Promise<bigint>;");
    expect(dts.content).toContain("all(): AsyncGenerator<bigint, void, unknown>;");
    expect(dirname(ts.getDefaultLibFilePath({}))).toBe(join(dirname(require.resolve("typescript", { paths: [pluginDir] }))));
  });

  it("writes CommonJS for legacy_commonjs", () => {
    const [js] = transpile([{ name: "x.ts", content: 'import { y } from "./y.js";\nexport const x = y;\n' }], true, false, "legacy_commonjs");
    expect(js.content).toContain('require("./y.js")');
  });

  it("says what went wrong when TypeScript cannot write the output, and which TypeScript it was", () => {
    const files = [{ name: "bad.ts", content: "export const make = () => class {\n  private x = 1;\n};\n" }];
    let error: unknown;
    try {
      transpile(files, false, true, "module");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TranspileError);
    const message = (error as Error).message;
    expect(message).toContain(`TypeScript ${ts.version} could not write the dts output`);
    expect(message).toContain("bad.ts(1,14): error TS4094: Property 'x' of exported anonymous class type may not be private or protected.");
    expect(message).not.toMatch(/plugin author/);
  });
});
