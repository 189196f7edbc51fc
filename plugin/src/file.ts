import { clone, toBinary, type DescEnum, type DescFile, type DescMessage } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import { base64Encode } from "@bufbuild/protobuf/wire";
import type { Schema } from "@bufbuild/protoplugin";
import { literal, type Line } from "./code.js";
import { createFileContext, type FileContext } from "./context.js";
import { generateEnum } from "./enum.js";
import { generateMessage } from "./message.js";
import { fileConstName } from "./names.js";
import { extensionSections, extensionsEntry } from "./extensions.js";
import type { Options } from "./options.js";

/** Writes `<name>_pb.ts`: the embedded file descriptor, then every enum, then every message class. */
export function generatePbFile(schema: Schema<Options>, file: DescFile): void {
  const g = schema.generateFile(file.name + "_pb.ts");
  g.preamble(file);
  const ctx = createFileContext(schema, file, g);
  const { enums, messages } = declarations(file);
  const sections: Line[][] = [embeddedDescriptor(ctx, enums, messages)];
  for (const e of enums) sections.push(generateEnum(ctx, e));
  for (const m of messages) sections.push(generateMessage(ctx, m));
  sections.push(...extensionSections(ctx));
  for (const [i, section] of sections.entries()) {
    if (i) g.print();
    for (const line of section) g.print(...line);
  }
}

/** The file's descriptor (without source info), its dependencies and its types, for registries and server reflection. */
function embeddedDescriptor(ctx: FileContext, enums: DescEnum[], messages: DescMessage[]): Line[] {
  const proto = clone(FileDescriptorProtoSchema, ctx.file.proto);
  proto.sourceCodeInfo = undefined;
  const list = (items: Line[]): Line => items.flatMap((item, i) => (i ? [", ", ...item] : item));
  const deps = list(ctx.file.dependencies.map((d) => [ctx.fileConst(d, fileConstName(d))]));
  return [
    [ctx.g.export("const", fileConstName(ctx.file)), ": ", ctx.rt("FileInfo", true), " = /*@__PURE__*/ ", ctx.rt("fileInfo"), "("],
    [`  ${literal(ctx.file.proto.name)},`],
    [`  ${literal(base64Encode(toBinary(FileDescriptorProtoSchema, proto)))},`],
    ["  [", ...deps, "],"],
    ["  () => ({"],
    ["    messages: [", ...list(messages.map((m) => [ctx.type(m)])), "],"],
    ["    enums: [", ...list(enums.map((e) => [ctx.enumInfo(e)])), "],"],
    ["    services: [", ...list(ctx.file.services.map((s) => [literal(s.typeName)])), "],"],
    ...extensionsEntry(ctx.file),
    ["  }),"],
    [");"],
  ];
}

/** All enums and messages of a file, nested ones included, in declaration order. */
function declarations(file: DescFile): { enums: DescEnum[]; messages: DescMessage[] } {
  const enums: DescEnum[] = [...file.enums];
  const messages: DescMessage[] = [];
  const visit = (m: DescMessage) => {
    messages.push(m);
    enums.push(...m.nestedEnums);
    m.nestedMessages.forEach(visit);
  };
  file.messages.forEach(visit);
  return { enums, messages };
}
