import type { DescEnum, DescField, DescFile, DescMessage } from "@bufbuild/protobuf";
import type { GeneratedFile, ImportSymbol, Schema } from "@bufbuild/protoplugin";
import { enumInfoName, pbModulePath, typeName } from "./names.js";
import type { Options } from "./options.js";
import { runtimeWktFiles } from "./runtime-wkt.js";
import type { LongRepr } from "./scalar.js";

const runtimeFiles = new Set(runtimeWktFiles);

const validateProto = "buf/validate/validate.proto";

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
  /** Where validators import `@tsgrpc/runtime/validate` from, and how bad rules are reported. */
  readonly validate: { readonly module: string; readonly badRules: Options["badRules"] };
}

export function createFileContext(schema: Schema<Options>, file: DescFile, g: GeneratedFile): FileContext {
  const { runtimeImport, longType, bootstrapWkt, badRules } = schema.options;
  // protoplugin makes "./"-paths relative to each importing file; "./../x" thus reaches above the output root.
  const runtimeModule = runtimeImport.startsWith("../") ? "./" + runtimeImport : runtimeImport;
  const validateModule = subpathModule(runtimeImport, "validate");
  // buf/validate/validate.proto ships generated in `@tsgrpc/runtime/validate`, as the WKTs in the root.
  const moduleOf = (f: DescFile) =>
    bootstrapWkt ? pbModulePath(f) : runtimeFiles.has(f.proto.name) ? runtimeModule : f.proto.name === validateProto ? validateModule : pbModulePath(f);
  return {
    g,
    file,
    rt: (name, typeOnly = false) => g.import(name, runtimeModule, typeOnly),
    type: (desc) => g.import(typeName(desc), moduleOf(desc.file)),
    enumInfo: (desc) => g.import(enumInfoName(desc), moduleOf(desc.file)),
    fileConst: (f, name) => g.import(name, moduleOf(f)),
    long: (field) => ("longAsString" in field && field.longAsString ? "string" : longType),
    validate: { module: validateModule, badRules },
  };
}

/** `@tsgrpc/runtime/<name>`, or for a relative runtime import (the runtime's own protos) its `<name>/index.js` sibling. */
export function subpathModule(runtimeImport: string, name: string): string {
  if (!runtimeImport.startsWith(".")) return `${runtimeImport}/${name}`;
  const dir = runtimeImport.slice(0, runtimeImport.lastIndexOf("/") + 1);
  const module = `${dir}${name}/index.js`;
  return module.startsWith("../") ? "./" + module : module;
}
