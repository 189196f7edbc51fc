import type { DescEnum, DescField, DescFile, DescMessage } from "@bufbuild/protobuf";
import type { GeneratedFile, ImportSymbol, Schema } from "@bufbuild/protoplugin";
import { enumInfoName, pbModulePath, typeName } from "./names.js";
import type { Options } from "./options.js";
import { runtimeWktFiles } from "./runtime-wkt.js";
import type { LongRepr } from "./scalar.js";

const runtimeFiles = new Set(runtimeWktFiles);

/** What the emitters of one generated file share: the output file, options, and symbol resolution. */
export interface FileContext {
  readonly g: GeneratedFile;
  readonly file: DescFile;
  /** A symbol exported by the runtime. */
  rt(name: string, typeOnly?: boolean): ImportSymbol;
  /** The class or enum generated for `desc`, wherever it lives. */
  type(desc: DescMessage | DescEnum): ImportSymbol;
  /** The `EnumType` constant of an enum. */
  enumInfo(desc: DescEnum): ImportSymbol;
  /** The file descriptor constant of a file. */
  fileConst(file: DescFile, name: string): ImportSymbol;
  /** 64-bit representation of a field (jstype JS_STRING wins over the long_type option). */
  long(field: DescField): LongRepr;
}

export function createFileContext(schema: Schema<Options>, file: DescFile, g: GeneratedFile): FileContext {
  const { runtimeImport, longType, bootstrapWkt } = schema.options;
  // protoplugin makes "./"-paths relative to each importing file; "./../x" thus reaches above the output root.
  const runtimeModule = runtimeImport.startsWith("../") ? "./" + runtimeImport : runtimeImport;
  const moduleOf = (f: DescFile) => (!bootstrapWkt && runtimeFiles.has(f.proto.name) ? runtimeModule : pbModulePath(f));
  return {
    g,
    file,
    rt: (name, typeOnly = false) => g.import(name, runtimeModule, typeOnly),
    type: (desc) => g.import(typeName(desc), moduleOf(desc.file)),
    enumInfo: (desc) => g.import(enumInfoName(desc), moduleOf(desc.file)),
    fileConst: (f, name) => g.import(name, moduleOf(f)),
    long: (field) => ("longAsString" in field && field.longAsString ? "string" : longType),
  };
}
