import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createEcmaScriptPlugin, type Plugin, type Schema } from "@bufbuild/protoplugin";
import { generatePbFile } from "./file.js";
import { parseOptions, type Options } from "./options.js";
import { generateServices } from "./service.js";
import { transpile } from "./transpile.js";

const { version } = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as { version: string };

/** The protoc / buf plugin: `<name>_pb.ts` for every file, `<name>_grpc.ts` for files with services. */
export const protocGenTsgrpc: Plugin = {
  name: "protoc-gen-tsgrpc",
  version: `v${version}`,
  // A fresh protoplugin plugin per request: its run() remembers a js/dts target in its closure, so a
  // reused one would go on transpiling for every later request in the same process.
  run: (request) => createPlugin().run(request),
};

function createPlugin(): Plugin {
  return createEcmaScriptPlugin<Options>({
    name: protocGenTsgrpc.name,
    version: protocGenTsgrpc.version,
    parseOptions,
    transpile,
    generateTs(schema: Schema<Options>) {
      for (const file of schema.files) {
        generatePbFile(schema, file);
        if (schema.options.services && file.services.length) generateServices(schema, file);
      }
    },
  });
}
