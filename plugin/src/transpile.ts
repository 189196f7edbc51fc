import { existsSync } from "node:fs";
import { dirname } from "node:path";
import type { FileInfo } from "@bufbuild/protoplugin";
import type * as TypeScript from "typescript";

/**
 * The `js` and `dts` targets, transpiled from the generated TypeScript by the plugin's own TypeScript:
 * an exact version in this package's dependencies, so npm resolves it from the plugin's folder whatever
 * TypeScript the user's project has (TypeScript 7 is a native compiler with no JavaScript API and no lib
 * files), with the lib files of that same TypeScript. protoplugin's default transpiler reads its lib files
 * through `@typescript/vfs` from whichever `typescript` npm hoisted, which is the user's.
 */
export function transpile(files: FileInfo[], js: boolean, dts: boolean, jsImportStyle: "module" | "legacy_commonjs"): FileInfo[] {
  // Loaded here, not at startup: target=ts never needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require("typescript") as typeof TypeScript;
  const libDir = dirname(ts.getDefaultLibFilePath({}));
  const lib = `${libDir}/lib.es2022.d.ts`;
  if (!existsSync(lib)) {
    throw new TranspileError(`TypeScript ${ts.version}'s lib files are missing (no ${lib}); reinstall @tsgrpc/protoc-gen-tsgrpc, or generate target=ts`);
  }
  const options: TypeScript.CompilerOptions = {
    // Node 20 runs ES2022; class fields keep TypeScript's assignment semantics (no own `undefined` for
    // fields declared without a value, as unset optional fields are).
    target: ts.ScriptTarget.ES2022,
    useDefineForClassFields: false,
    lib: ["lib.es2022.d.ts"],
    module: jsImportStyle === "legacy_commonjs" ? ts.ModuleKind.CommonJS : ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    // Imports (the runtime, other generated files) are not resolved: they need not be installed to generate.
    noResolve: true,
    // Nor are the @types packages of the folder the plugin runs in.
    types: [],
    moduleDetection: ts.ModuleDetectionKind.Force,
    declaration: dts,
    emitDeclarationOnly: dts && !js,
    newLine: ts.NewLineKind.LineFeed,
    skipLibCheck: true,
  };
  const sources = new Map(files.map((f) => [f.name, f]));
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => sources.has(name) || (name.startsWith(libDir) && existsSync(name));
  host.readFile = (name) => sources.get(name)?.content ?? readFile(name);
  host.getSourceFile = (name, language, onError) => {
    const source = sources.get(name);
    return source ? ts.createSourceFile(name, source.content, language, true) : getSourceFile(name, language, onError);
  };
  host.getCurrentDirectory = () => "";
  const out: FileInfo[] = [];
  host.writeFile = (name, content, _bom, _onError, emittedFrom) => {
    const from = emittedFrom?.length === 1 ? sources.get(emittedFrom[0].fileName) : undefined;
    if (!from) throw new TranspileError(`TypeScript ${ts.version} emitted ${name}, which comes from no single generated file`);
    out.push({ name, content, preamble: from.preamble });
  };
  const program = ts.createProgram({ rootNames: [...sources.keys()], options, host });
  const result = program.emit();
  if (result.emitSkipped) {
    const diagnostics = ts.sortAndDeduplicateDiagnostics([...program.getOptionsDiagnostics(), ...result.diagnostics]);
    const shown = ts.formatDiagnostics(diagnostics.slice(0, 5), {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => "",
      getNewLine: () => "\n",
    });
    const more = diagnostics.length > 5 ? `\n(${diagnostics.length - 5} more)` : "";
    throw new TranspileError(
      `TypeScript ${ts.version} could not write the ${[js && "js", dts && "dts"].filter(Boolean).join("+")} output ` +
        `(the generated TypeScript of target=ts is unaffected):\n${shown.trim()}${more}`,
    );
  }
  return out;
}

/** The js / dts output could not be written: reported to protoc / buf as the response's error. */
export class TranspileError extends Error {
  override name = "TranspileError";
}
