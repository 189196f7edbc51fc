import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { CodeGeneratorRequestSchema, CodeGeneratorResponseSchema } from "@bufbuild/protobuf/wkt";
import type { Plugin } from "@bufbuild/protoplugin";
import { writeFileSync } from "node:fs";
import { validateDescriptorSet } from "./validate/descriptor-set.js";
import { BadRuleError } from "./validate/rules.js";
import { assertIdentifiers, InvalidNameError } from "./names.js";
import { checkProtopluginOptions, tidyParameter } from "./protoplugin-options.js";
import { TranspileError } from "./transpile.js";

/**
 * Runs the plugin on one serialized CodeGeneratorRequest. A bad parameter,
 * a name that is not an identifier or a `buf.validate` rule that does not fit
 * its field becomes CodeGeneratorResponse.error,
 * which is how protoc and buf expect a plugin to report problems with its
 * input (they print it next to the `--x_out` flag), and so does js/dts output
 * that TypeScript could not write; anything else is a bug in the plugin and is
 * thrown.
 */
export function runPlugin(plugin: Plugin, request: Uint8Array): Uint8Array {
  let response;
  try {
    const req = fromBinary(CodeGeneratorRequestSchema, request);
    req.parameter = tidyParameter(req.parameter);
    checkProtopluginOptions(req.parameter);
    assertIdentifiers(req.protoFile);
    response = plugin.run(req);
  } catch (e) {
    if (!(e instanceof Error && (e.name === "PluginOptionError" || e instanceof InvalidNameError || e instanceof BadRuleError || e instanceof TranspileError)))
      throw e;
    response = create(CodeGeneratorResponseSchema, { error: e.message });
  }
  return toBinary(CodeGeneratorResponseSchema, response);
}

/** What `--help` prints, and what a terminal sees when the plugin is started by hand. */
export function usage(plugin: Plugin): string {
  return `${plugin.name} ${plugin.version}: a protoc / buf plugin that writes TypeScript messages and gRPC stubs for @tsgrpc/runtime.
It reads a CodeGeneratorRequest on stdin and writes a CodeGeneratorResponse on stdout: run it through buf or protoc.

  buf generate          with, in buf.gen.yaml:  plugins: [{ local: ${plugin.name}, out: src/gen, opt: [target=ts, import_extension=js] }]
  protoc -I proto --plugin=${plugin.name}=./node_modules/.bin/${plugin.name} --tsgrpc_out=src/gen --tsgrpc_opt=target=ts,import_extension=js greet/v1/greeter.proto

Options (comma-separated key=value; buf: one per opt entry):
  target=ts|js|dts              what to write; several joined with + (default js+dts)
  import_extension=none|js|ts   extension of imports between generated files (default none)
  js_import_style=module|legacy_commonjs   module syntax of target=js (default module)
  long_type=bigint|string       64-bit integer fields (default bigint)
  services=true|false           write _grpc.ts files (default true)
  runtime_import=<module>       where generated code imports the runtime from (default @tsgrpc/runtime)
  keep_empty_files=true|false   accepted; no file is ever empty

  --help      this text
  --version   the version
`;
}

/**
 * The executable: request on stdin, response on stdout. `--version` prints the version and `--help` the
 * usage; so does a terminal on stdin (to stderr, exit code 1), where a person started it by hand and no
 * request will come. `--validate-descriptor-set=<file>` writes buf/validate/validate.proto's descriptor set.
 */
export async function main(plugin: Plugin): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--version") || args.includes("-v")) {
    process.stdout.write(`${plugin.name} ${plugin.version}\n`);
    return;
  }
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(usage(plugin));
    return;
  }
  const set = process.argv.find((a) => a.startsWith("--validate-descriptor-set="));
  if (set) {
    writeFileSync(set.slice(set.indexOf("=") + 1), validateDescriptorSet());
    return;
  }
  if (process.stdin.isTTY) {
    process.stderr.write(usage(plugin));
    process.exitCode = 1;
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const out = runPlugin(plugin, Buffer.concat(chunks));
  await new Promise<void>((resolve, reject) => process.stdout.write(out, (err) => (err ? reject(err) : resolve())));
}
