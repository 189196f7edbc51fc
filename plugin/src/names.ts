import type { DescEnum, DescEnumValue, DescExtension, DescField, DescFile, DescMessage, DescOneof } from "@bufbuild/protobuf";
import { protoCamelCase } from "@bufbuild/protobuf/reflect";
import type { DescriptorProto, EnumDescriptorProto, FileDescriptorProto } from "@bufbuild/protobuf/wkt";

/**
 * Naming and escaping. Proto identifiers never contain `$`, so a `$` suffix
 * is a collision-free escape and every `$`-prefixed member is the runtime's.
 */

/** Words that cannot name a class, enum or const, plus globals and runtime symbols generated code refers to. */
const reservedTypeNames = new Set([
  // ECMAScript keywords and future reserved words
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
  "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new",
  "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while",
  "with", "yield", "enum", "implements", "interface", "let", "package", "private", "protected", "public",
  "static", "await", "arguments", "eval",
  // TypeScript type keywords
  "any", "bigint", "boolean", "never", "number", "object", "string", "symbol", "undefined", "unknown",
  // globals generated code uses or users expect to keep
  "Object", "Array", "Uint8Array", "Number", "String", "Boolean", "BigInt", "Symbol", "Error", "Date",
  "Map", "Set", "Promise", "JSON", "Math", "Infinity", "NaN", "globalThis", "Record", "Partial",
  // runtime symbols generated code imports
  "Message", "PartialMessage", "ScalarType", "LongType", "EnumType", "BinaryReader", "BinaryWriter",
]);

/** Property names taken by Object.prototype, the class syntax or the Message base class. */
const reservedPropertyNames = new Set([
  "constructor", "__proto__", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf",
  "propertyIsEnumerable", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
  "toBinary", "toJson", "toJsonString", "toText", "mergeText", "equals", "clone",
]);

function escape(name: string, reserved: ReadonlySet<string>): string {
  return reserved.has(name) ? name + "$" : identifierStart(name);
}

/**
 * lowerCamelCase drops underscores, so the legal proto names `_` and `_3d`
 * become "" and "3d", which are not identifiers: those keep a leading `_`.
 */
export function identifierStart(name: string): string {
  return /^[A-Za-z_$]/.test(name) ? name : "_" + name;
}

/**
 * Names from descriptors end up in code as identifiers. protoc and buf only
 * hand over valid ones; anything else (a hand-made or corrupted request) is
 * refused before generation rather than pasted into the output.
 */
export class InvalidNameError extends Error {
  override name = "InvalidNameError";
}

const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Throws InvalidNameError unless every name the generator may print is an identifier (packages: dotted ones). */
export function assertIdentifiers(files: readonly FileDescriptorProto[]): void {
  const check = (name: string, where: string) => {
    if (!identifierPattern.test(name)) throw new InvalidNameError(`${where}: invalid name in descriptor: ${JSON.stringify(name)}`);
  };
  const checkEnum = (e: EnumDescriptorProto, where: string) => {
    check(e.name, where);
    for (const v of e.value) check(v.name, where);
  };
  const checkMessage = (m: DescriptorProto, where: string): void => {
    check(m.name, where);
    for (const f of [...m.field, ...m.extension]) check(f.name, where);
    for (const o of m.oneofDecl) check(o.name, where);
    for (const e of m.enumType) checkEnum(e, where);
    for (const n of m.nestedType) checkMessage(n, where);
  };
  for (const file of files) {
    if (file.package) for (const part of file.package.split(".")) check(part, file.name);
    for (const m of file.messageType) checkMessage(m, file.name);
    for (const e of file.enumType) checkEnum(e, file.name);
    for (const f of file.extension) check(f.name, file.name);
    for (const svc of file.service) {
      check(svc.name, file.name);
      for (const m of svc.method) check(m.name, file.name);
    }
  }
}

/**
 * Class or enum name: nested types are joined with `_` (`Outer_Inner`).
 * Joined names can clash within a file (`Outer.Inner` and a top-level
 * `Outer_Inner`, `A.B_C` and `A_B.C`, a message `file_x` and the file const
 * `file_x`), so the names of a file are settled together (`fileNames`).
 */
export function typeName(desc: DescMessage | DescEnum): string {
  return fileNames(desc.file).types.get(desc)!;
}

/** `ext$extension`, or `Outer_ext$extension` when nested in `Outer`; unique within the file like type names. */
export function extensionConstName(ext: DescExtension): string {
  return fileNames(ext.file).extensions.get(ext)! + "$extension";
}

interface FileNames {
  types: Map<DescMessage | DescEnum, string>;
  extensions: Map<DescExtension, string>;
}

const namesOfFiles = new WeakMap<DescFile, FileNames>();

/**
 * Every class/enum and extension name of a file. A name goes to the less
 * nested declaration, then to the smaller full proto name (code-unit order);
 * the others get `$` until unique. The file const is never renamed. Computed
 * from the file alone, in an order independent of declaration order, so every
 * file importing these names agrees with the file declaring them.
 */
function fileNames(file: DescFile): FileNames {
  let names = namesOfFiles.get(file);
  if (names) return names;
  const types: (DescMessage | DescEnum)[] = [...file.enums];
  const extensions: DescExtension[] = [...file.extensions];
  const visit = (m: DescMessage) => {
    types.push(m, ...m.nestedEnums);
    extensions.push(...m.nestedExtensions);
    m.nestedMessages.forEach(visit);
  };
  file.messages.forEach(visit);
  const typeNames = settle(types, (t) => escape(joinedName(t), reservedTypeNames), [fileConstName(file)]);
  names = {
    types: typeNames,
    extensions: settle(extensions, (e) => (e.parent ? typeNames.get(e.parent)! + "_" : "") + e.name, []),
  };
  namesOfFiles.set(file, names);
  return names;
}

function joinedName(desc: DescMessage | DescEnum): string {
  const parts: string[] = [];
  for (let d: DescMessage | DescEnum | undefined = desc; d; d = d.parent) parts.unshift(d.name);
  return parts.join("_");
}

type Declaration = DescMessage | DescEnum | DescExtension;

function depth(d: Declaration): number {
  let n = 0;
  for (let p = d.parent; p; p = p.parent) n++;
  return n;
}

/** Wanted names, handed out by `depth` then full name; a name already taken gets `$` until free. */
function settle<D extends Declaration>(decls: D[], wanted: (d: D) => string, taken: string[]): Map<D, string> {
  const used = new Set(taken);
  const order = [...decls].sort((a, b) => depth(a) - depth(b) || (a.typeName < b.typeName ? -1 : a.typeName > b.typeName ? 1 : 0));
  const names = new Map<D, string>();
  for (const d of order) {
    let name = wanted(d);
    while (used.has(name)) name += "$";
    used.add(name);
    names.set(d, name);
  }
  return names;
}

/** The exported `EnumType` describing an enum for the field table. */
export function enumInfoName(desc: DescEnum): string {
  return typeName(desc) + "$type";
}

/** The exported file descriptor constant, e.g. `file_users_v1_user` for `users/v1/user.proto` (DescFile names omit `.proto`). */
export function fileConstName(file: DescFile): string {
  return "file_" + file.name.replace(/[^A-Za-z0-9_]/g, "_");
}

/** Property name of a field: the proto name in lowerCamelCase, escaped when it collides. */
export function fieldName(field: DescField): string {
  return escape(protoCamelCase(field.name), reservedPropertyNames);
}

/** Property name of a oneof group. */
export function oneofName(oneof: DescOneof): string {
  return escape(protoCamelCase(oneof.name), reservedPropertyNames);
}

/** Enum member name: the proto value name; `__proto__` would not become an own member, so it is escaped. */
export function enumValueName(value: DescEnumValue): string {
  return value.name === "__proto__" ? "__proto__$" : value.name;
}

/** Module path (relative to the output root) of the `_pb` file generated for `file`. */
export function pbModulePath(file: DescFile): string {
  return "./" + file.name + "_pb.js";
}
