import type { DescFile, DescMethod, DescService } from "@bufbuild/protobuf";
import type { ImportSymbol, Schema } from "@bufbuild/protoplugin";
import { block, indent, literal, type Line } from "./code.js";
import { tsDoc } from "./comments.js";
import { createFileContext, type FileContext } from "./context.js";
import { fileConstName } from "./names.js";
import type { Options } from "./options.js";
import { methodName, serviceNames } from "./service-names.js";

/** Method kinds as the runtime names them. */
const KINDS = { unary: "unary", server_streaming: "server_streaming", client_streaming: "client_streaming", bidi_streaming: "bidi_streaming" } as const;

interface ServiceContext extends FileContext {
  /** A symbol of `@tsgrpc/runtime/grpc`. */
  grpc(name: string, typeOnly?: boolean): ImportSymbol;
}

/**
 * Writes `<name>_grpc.ts` for a file with services: per service its
 * definition, the interface a server implements and a client class. The
 * behaviour lives in the runtime; generated members only bind types to it.
 */
export function generateServices(schema: Schema<Options>, file: DescFile): void {
  const g = schema.generateFile(file.name + "_grpc.ts");
  g.preamble(file);
  const grpcModule = grpcRuntimeModule(schema.options.runtimeImport);
  const ctx: ServiceContext = { ...createFileContext(schema, file, g), grpc: (name, typeOnly = false) => g.import(name, grpcModule, typeOnly) };
  for (const [i, service] of file.services.entries()) {
    if (i) g.print();
    for (const line of [...definition(ctx, service), [], ...implementation(ctx, service), [], ...client(ctx, service)]) g.print(...line);
  }
}

/**
 * `@tsgrpc/runtime/grpc`, or for a relative runtime import the module of the
 * same file name in the `grpc/` folder beside it: `./rt/index.js` gives
 * `./rt/grpc/index.js`, and the runtime's own protos (`../codegen.js`) get
 * `grpc/codegen.js`, a leaf module, not the barrel that imports them back.
 */
function grpcRuntimeModule(runtimeImport: string): string {
  if (!runtimeImport.startsWith(".")) return runtimeImport + "/grpc";
  const slash = runtimeImport.lastIndexOf("/");
  const module = runtimeImport.slice(0, slash + 1) + "grpc/" + runtimeImport.slice(slash + 1);
  return module.startsWith("../") ? "./" + module : module;
}

function definition(ctx: ServiceContext, service: DescService): Line[] {
  const { g } = ctx;
  const types: Line[] = service.methods.flatMap((m) => [
    ...tsDoc(m),
    [
      `readonly ${methodName(m)}: `,
      ctx.grpc("MethodDefinition", true),
      "<",
      ctx.type(m.input),
      ", ",
      ctx.type(m.output),
      `, ${literal(KINDS[m.methodKind])}>;`,
    ],
  ]);
  const values: Line[] = service.methods.map((m) => [
    `${methodName(m)}: { name: ${literal(m.name)}, path: ${literal(`/${service.typeName}/${m.name}`)}, kind: ${literal(KINDS[m.methodKind])}, I: `,
    ctx.type(m.input),
    ", O: ",
    ctx.type(m.output),
    " },",
  ]);
  return [
    ...tsDoc(service),
    [g.export("const", serviceNames(service).definition), ": ", ctx.grpc("ServiceDefinition", true), "<{"],
    ...indent(types),
    ["}> = {"],
    [`  typeName: ${literal(service.typeName)},`],
    ["  file: ", ctx.fileConst(ctx.file, fileConstName(ctx.file)), ","],
    ...indent(block(["methods:"], values, ["},"])),
    ["};"],
  ];
}

function implementation(ctx: ServiceContext, service: DescService): Line[] {
  const { g } = ctx;
  const methods = service.methods.flatMap((m): Line[] => {
    const input = ctx.type(m.input);
    const output: Line = [ctx.type(m.output), " | ", ctx.rt("PartialMessage", true), "<", ctx.type(m.output), ">"];
    const context = ctx.grpc("CallContext", true);
    const signature: Line = (() => {
      switch (m.methodKind) {
        case "unary":
          return ["(request: ", input, ", context: ", context, "): Promise<", ...output, ">;"];
        case "server_streaming":
          return ["(request: ", input, ", context: ", context, "): AsyncIterable<", ...output, ">;"];
        case "client_streaming":
          return ["(requests: AsyncIterable<", input, ">, context: ", context, "): Promise<", ...output, ">;"];
        case "bidi_streaming":
          return ["(requests: AsyncIterable<", input, ">, context: ", context, "): AsyncIterable<", ...output, ">;"];
      }
    })();
    return [...tsDoc(m), [methodName(m), ...signature]];
  });
  const { definition, implementation } = serviceNames(service);
  return [
    [`/** What a server implements for \`${service.typeName}\`; pass it to \`server.add(${definition}, implementation)\`. */`],
    ...block([g.export("interface", implementation)], methods),
  ];
}

function client(ctx: ServiceContext, service: DescService): Line[] {
  const { g } = ctx;
  const { definition, client } = serviceNames(service);
  const methods = service.methods.flatMap((m, i): Line[] => [...(i ? [[]] : []), ...tsDoc(m), ...clientMethod(ctx, m, definition)]);
  return [[`/** A client for \`${service.typeName}\`. */`], ...block([g.export("class", client), " extends ", ctx.grpc("Client")], methods)];
}

function clientMethod(ctx: ServiceContext, m: DescMethod, definition: string): Line[] {
  const name = methodName(m);
  const input = ctx.type(m.input);
  const output = ctx.type(m.output);
  const options = ctx.grpc("CallOptions", true);
  const ref = `${definition}.methods.${name}`;
  const partial: Line = [ctx.rt("PartialMessage", true), "<", input, ">"];
  const stream: Line = [ctx.grpc("RequestStream", true), "<", input, ">"];
  switch (m.methodKind) {
    case "unary":
      return block([name, "(request: ", ...partial, ", options?: ", options, "): Promise<", output, ">"], [[`return this.$unary(${ref}, request, options);`]]);
    case "server_streaming":
      return block(
        [name, "(request: ", ...partial, ", options?: ", options, "): AsyncIterable<", output, ">"],
        [[`return this.$serverStreaming(${ref}, request, options);`]],
      );
    case "client_streaming":
      return block(
        [name, "(requests: ", ...stream, ", options?: ", options, "): Promise<", output, ">"],
        [[`return this.$clientStreaming(${ref}, requests, options);`]],
      );
    case "bidi_streaming":
      return block(
        [name, "(requests: ", ...stream, ", options?: ", options, "): AsyncIterable<", output, ">"],
        [[`return this.$bidiStreaming(${ref}, requests, options);`]],
      );
  }
}
