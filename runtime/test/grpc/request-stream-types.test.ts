import { join } from "node:path";
import ts from "typescript";

const root = join(__dirname, "..", "..", "..");
const prelude = `import { EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";\ndeclare const client: EchoServiceClient;\n`;
const snippets = {
  right: prelude + `void client.collect([{ text: "A", sequence: 5n }]);\nvoid client.chat([{ text: "B" }]);\n`,
  wrong: prelude + `void client.collect([{ text: "A", sequence: 5 }]);\n`,
};

/** tsc's diagnostics of each snippet, as files of runtime/test/grpc under the repository's own tsconfig (one program for all). */
function diagnose(): Record<keyof typeof snippets, readonly ts.Diagnostic[]> {
  const files = Object.fromEntries(Object.entries(snippets).map(([name, source]) => [join(__dirname, `request-stream-${name}.ts`), source]));
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (name in files ? ts.createSourceFile(name, files[name], version) : getSourceFile(name, version));
  const program = ts.createProgram(Object.keys(files), config.options, host);
  const of = (name: string) => ts.getPreEmitDiagnostics(program, program.getSourceFile(join(__dirname, `request-stream-${name}.ts`)));
  return { right: of("right"), wrong: of("wrong") };
}

describe("requests of a streaming call written as an array literal", () => {
  let diagnostics: ReturnType<typeof diagnose>;
  beforeAll(() => {
    diagnostics = diagnose();
  }, 120_000);

  it("type-check when right", () => {
    expect(diagnostics.right).toEqual([]);
  });

  it("report a wrong field type in one line, on the property", () => {
    const [diagnostic, ...more] = diagnostics.wrong;
    expect(more).toEqual([]);
    expect(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")).toBe("Type 'number' is not assignable to type 'bigint'.");
    expect(snippets.wrong.slice(diagnostic.start, diagnostic.start! + diagnostic.length!)).toBe("sequence");
  });
});
