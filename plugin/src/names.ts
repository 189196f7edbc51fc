import type { DescEnum, DescEnumValue, DescExtension, DescField, DescFile, DescMessage, DescOneof } from "@bufbuild/protobuf";
import { protoCamelCase } from "@bufbuild/protobuf/reflect";
import type { DescriptorProto, EnumDescriptorProto, FileDescriptorProto } from "@bufbuild/protobuf/wkt";

/**
 * Naming and escaping. Proto identifiers never contain `$`, so a `$` suffix
 * is a collision-free escape and every `$`-prefixed member is the runtime's.
 */

/** Words that cannot name a class, enum or const, plus globals and runtime symbols generated code refers to. */
export const reservedTypeNames: ReadonlySet<string> = new Set([
  // ECMAScript keywords and future reserved words
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "enum",
  "implements",
  "interface",
  "let",
  "package",
  "private",
  "protected",
  "public",
  "static",
  "await",
  "arguments",
  "eval",
  // TypeScript keywords and contextual keywords: some are type operators (`Message<readonly>`,
  // `keyof`, `infer`, `unique`, `asserts`, `is`), the rest are kept out as well so the rule is one list
  "any",
  "bigint",
  "boolean",
  "never",
  "number",
  "object",
  "string",
  "symbol",
  "undefined",
  "unknown",
  "abstract",
  "accessor",
  "as",
  "assert",
  "asserts",
  "async",
  "constructor",
  "declare",
  "defer",
  "from",
  "get",
  "global",
  "infer",
  "intrinsic",
  "is",
  "keyof",
  "module",
  "namespace",
  "of",
  "out",
  "override",
  "readonly",
  "require",
  "satisfies",
  "set",
  "type",
  "unique",
  "using",
  // globals generated code uses or users expect to keep
  "Object",
  "Array",
  "Uint8Array",
  "Number",
  "String",
  "Boolean",
  "BigInt",
  "Symbol",
  "Error",
  "Date",
  "Map",
  "Set",
  "Promise",
  "JSON",
  "Math",
  "Infinity",
  "NaN",
  "globalThis",
  "Record",
  "Partial",
  "AsyncIterable",
  "Iterable",
  // an export named `then` makes the module's namespace a thenable: `await import()` would call it
  "then",
  // runtime symbols generated code imports
  "Message",
  "PartialMessage",
  "ScalarType",
  "LongType",
  "EnumType",
  "BinaryReader",
  "BinaryWriter",
]);

/** Property names taken by Object.prototype, the class syntax or the Message base class. */
const reservedPropertyNames = new Set([
  "constructor",
  "__proto__",
  "toString",
  "toLocaleString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "toBinary",
  "toJson",
  "toJsonString",
  "toText",
  "mergeText",
  "equals",
  "clone",
]);

export function escape(name: string, reserved: ReadonlySet<string>): string {
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
  const order = [...decls].sort((a, b) => depth(a) - depth(b) || (a.typeName < b.typeName ? -1 : a.typeName > b.typeName ? 1 : 0));
  return settleNames(order, wanted, taken);
}

/** The exported `EnumType` describing an enum for the field table. */
export function enumInfoName(desc: DescEnum): string {
  return typeName(desc) + "$type";
}

/** The exported file descriptor constant, e.g. `file_users_v1_user` for `users/v1/user.proto` (DescFile names omit `.proto`). */
export function fileConstName(file: DescFile): string {
  return "file_" + file.name.replace(/[^A-Za-z0-9_]/g, "_");
}

/** Property name of a field (for a oneof member: its `case`), unique in its message (`memberNames`). */
export function fieldName(field: DescField | DescExtension): string {
  if (field.kind === "extension") return escape(protoCamelCase(field.name), reservedPropertyNames);
  return memberNames(field.parent).get(field)!;
}

/** Property name of a oneof group, unique in its message like field names. */
export function oneofName(oneof: DescOneof): string {
  return memberNames(oneof.parent).get(oneof)!;
}

const namesOfMembers = new WeakMap<DescMessage, Map<DescField | DescOneof, string>>();

/**
 * The names of a message's fields and oneofs: the proto name in camelCase
 * (`camel_case` → `camelCase`), escaped like any property. Names that come
 * out equal (`camelCase`, `camel_case`; `Camel_Case`, `CamelCase`) are
 * handed out by field number, a oneof at its smallest field number just
 * before that field: the first keeps the name, the others get `$` until it
 * is unique (`camelCase$`). A field added later with a higher number thus
 * never renames an older one.
 */
function memberNames(message: DescMessage): Map<DescField | DescOneof, string> {
  let names = namesOfMembers.get(message);
  if (names) return names;
  const rank = (m: DescField | DescOneof) => (m.kind === "oneof" ? Math.min(...m.fields.map((f) => f.number)) * 2 : m.number * 2 + 1);
  const members = [...message.oneofs, ...message.fields].sort((a, b) => rank(a) - rank(b));
  names = settleNames(members, (m) => escape(protoCamelCase(m.name), reservedPropertyNames));
  namesOfMembers.set(message, names);
  return names;
}

/** Gives each item, in order, its wanted name, or that name with `$` appended until no earlier item has it. */
export function settleNames<T>(items: readonly T[], wanted: (item: T) => string, taken: Iterable<string> = []): Map<T, string> {
  const used = new Set(taken);
  const names = new Map<T, string>();
  for (const item of items) {
    let name = wanted(item);
    while (used.has(name)) name += "$";
    used.add(name);
    names.set(item, name);
  }
  return names;
}

/** Enum member name: the proto value name; `__proto__` would not become an own member, so it is escaped. */
export function enumValueName(value: DescEnumValue): string {
  return value.name === "__proto__" ? "__proto__$" : value.name;
}

/** Module path (relative to the output root) of the `_pb` file generated for `file`. */
export function pbModulePath(file: DescFile): string {
  return "./" + file.name + "_pb.js";
}
