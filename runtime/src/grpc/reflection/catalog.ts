import { FileDescriptorProto, type DescriptorProto, type EnumDescriptorProto, type FieldDescriptorProto } from "../../gen/google/protobuf/descriptor_pb.js";
import type { FileInfo } from "../../registry.js";
import type { ServiceDefinition } from "../definition.js";

/** What server reflection knows: the served services and every file they reach, indexed by the names clients ask for. */
export interface Catalog {
  /** Fully-qualified names of the served services, in the order they were added. */
  readonly services: readonly string[];
  /** A file by its path, e.g. "users/v1/user.proto". */
  file(name: string): FileInfo | undefined;
  /** The file declaring a fully-qualified name: package member, nested type, field, oneof, enum value, extension, service or method. */
  fileContaining(symbol: string): FileInfo | undefined;
  /** The file declaring extension `number` of message `typeName`. */
  fileContainingExtension(typeName: string, number: number): FileInfo | undefined;
  /** The extension numbers of message `typeName` (undefined for an unknown message). */
  extensionNumbers(typeName: string): number[] | undefined;
}

/**
 * Indexes the files of `services` and their transitive imports. Symbols come
 * from the embedded descriptors themselves, so every name a .proto declares
 * is found and nothing else is.
 */
export function createCatalog(services: readonly ServiceDefinition[]): Catalog {
  const files = new Map<string, FileInfo>();
  const symbols = new Map<string, FileInfo>();
  const messages = new Set<string>();
  const extensions = new Map<string, Map<number, FileInfo>>();

  const addExtensions = (list: readonly FieldDescriptorProto[], scope: string, file: FileInfo) => {
    for (const ext of list) {
      symbols.set(scope + ext.name, file);
      const extendee = (ext.extendee ?? "").replace(/^\./, "");
      let numbers = extensions.get(extendee);
      if (!numbers) extensions.set(extendee, (numbers = new Map<number, FileInfo>()));
      numbers.set(ext.number ?? 0, file);
    }
  };
  const addEnums = (list: readonly EnumDescriptorProto[], scope: string, file: FileInfo) => {
    for (const e of list) {
      symbols.set(scope + e.name, file);
      // Enum values are scoped like siblings of their enum, as in C++.
      for (const v of e.value) symbols.set(scope + v.name, file);
    }
  };
  const addMessages = (list: readonly DescriptorProto[], scope: string, file: FileInfo) => {
    for (const m of list) {
      const name = scope + m.name;
      symbols.set(name, file);
      messages.add(name);
      for (const member of [...m.field, ...m.oneofDecl]) symbols.set(`${name}.${member.name}`, file);
      addMessages(m.nestedType, name + ".", file);
      addEnums(m.enumType, name + ".", file);
      addExtensions(m.extension, name + ".", file);
    }
  };
  const addFile = (file: FileInfo) => {
    if (files.has(file.name)) return;
    files.set(file.name, file);
    for (const dep of file.dependencies) addFile(dep);
    const proto = FileDescriptorProto.fromBinary(file.proto);
    const scope = proto.package ? proto.package + "." : "";
    addMessages(proto.messageType, scope, file);
    addEnums(proto.enumType, scope, file);
    addExtensions(proto.extension, scope, file);
    for (const s of proto.service) {
      symbols.set(scope + s.name, file);
      for (const m of s.method) symbols.set(`${scope}${s.name}.${m.name}`, file);
    }
  };

  for (const service of services) if (service.file) addFile(service.file);

  return {
    services: services.map((s) => s.typeName),
    file: (name) => files.get(name),
    fileContaining: (symbol) => symbols.get(symbol),
    fileContainingExtension: (typeName, number) => extensions.get(typeName)?.get(number),
    extensionNumbers: (typeName) => (messages.has(typeName) ? [...(extensions.get(typeName)?.keys() ?? [])] : undefined),
  };
}

/** `file` and every file it imports, directly or not, each once, `file` first. */
export function withDependencies(file: FileInfo): FileInfo[] {
  const seen = new Set<string>();
  const out: FileInfo[] = [];
  const visit = (f: FileInfo) => {
    if (seen.has(f.name)) return;
    seen.add(f.name);
    out.push(f);
    for (const dep of f.dependencies) visit(dep);
  };
  visit(file);
  return out;
}
