import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { CodeGeneratorRequestSchema, CodeGeneratorResponseSchema } from "@bufbuild/protobuf/wkt";
import type { Plugin } from "@bufbuild/protoplugin";
import { writeFileSync } from "node:fs";
import { validateDescriptorSet } from "./validate/descriptor-set.js";
import { BadRuleError } from "./validate/rules.js";
import { assertIdentifiers, InvalidNameError } from "./names.js";
import { checkProtopluginOptions } from "./protoplugin-options.js";

/**
 * Runs the plugin on one serialized CodeGeneratorRequest. A bad parameter,
 * a name that is not an identifier or a `buf.validate` rule that does not fit
 * its field becomes CodeGeneratorResponse.error,
 * which is how protoc and buf expect a plugin to report problems with its
 * input (they print it next to the `--x_out` flag); anything else is a bug in
 * the plugin and is thrown.
 */
export function runPlugin(plugin: Plugin, request: Uint8Array): Uint8Array {
  let response;
  try {
    const req = fromBinary(CodeGeneratorRequestSchema, request);
    checkProtopluginOptions(req.parameter);
    assertIdentifiers(req.protoFile);
    response = plugin.run(req);
  } catch (e) {
    if (!(e instanceof Error && (e.name === "PluginOptionError" || e instanceof InvalidNameError || e instanceof BadRuleError))) throw e;
    response = create(CodeGeneratorResponseSchema, { error: e.message });
  }
  return toBinary(CodeGeneratorResponseSchema, response);
}

/**
 * The executable: request on stdin, response on stdout; `--version` prints the version;
 * `--validate-descriptor-set=<file>` writes buf/validate/validate.proto's descriptor set.
 */
export async function main(plugin: Plugin): Promise<void> {
  if (process.argv.includes("--version") || process.argv.includes("-v")) {
    process.stdout.write(`${plugin.name} ${plugin.version}\n`);
    return;
  }
  const set = process.argv.find((a) => a.startsWith("--validate-descriptor-set="));
  if (set) {
    writeFileSync(set.slice(set.indexOf("=") + 1), validateDescriptorSet());
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const out = runPlugin(plugin, Buffer.concat(chunks));
  await new Promise<void>((resolve, reject) => process.stdout.write(out, (err) => (err ? reject(err) : resolve())));
}
