import type { EnumType, FieldInfo } from "./fields.js";
import type { MessageType } from "./message.js";
import { base64Decode } from "./json/base64.js";

/**
 * What a generated `_pb.ts` file exports about itself (as `file_<path>`): its
 * serialized google.protobuf.FileDescriptorProto, the files it imports, and
 * every message and enum it declares (nested ones included). Enough for a
 * registry to resolve `Any` and for server reflection to answer with
 * descriptors, with no `.proto` at run time.
 */
export interface FileInfo {
  readonly kind: "file";
  /** Path of the .proto file, e.g. "google/protobuf/timestamp.proto". */
  readonly name: string;
  /** The serialized FileDescriptorProto. */
  readonly proto: Uint8Array;
  readonly dependencies: readonly FileInfo[];
  readonly messages: readonly MessageType[];
  readonly enums: readonly EnumType[];
  /** Fully-qualified names of the services the file declares. */
  readonly services: readonly string[];
  /** The extensions the file declares (nested ones included). */
  readonly extensions: readonly ExtensionInfo[];
}

/**
 * An extension field, as a generated file exports it (`<name>$extension`).
 * Extension values live in the extendee's unknown fields; with the extension
 * in the registry, JSON reads and writes them as `"[full.name]": value`.
 */
export interface ExtensionInfo {
  readonly kind: "extension";
  /** Fully-qualified name, e.g. "pkg.my_ext". */
  readonly typeName: string;
  readonly extendee: MessageType;
  /** The field; its `jsonName` is "[typeName]". */
  readonly field: FieldInfo;
}

/** Builds an ExtensionInfo in generated code (thunked: the classes it names may be declared later). */
export function extensionInfo(typeName: string, extendee: () => MessageType, field: () => FieldInfo): ExtensionInfo {
  let e: MessageType | undefined;
  let f: FieldInfo | undefined;
  return {
    kind: "extension",
    typeName,
    get extendee() {
      return (e ??= extendee());
    },
    get field() {
      return (f ??= field());
    },
  };
}

/**
 * Builds a FileInfo in generated code. The descriptor is embedded as base64
 * and decoded on first use; types are thunked because the file's classes may
 * be declared after it.
 */
export function fileInfo(
  name: string,
  protoBase64: string,
  dependencies: readonly FileInfo[],
  types: () => {
    messages?: readonly MessageType[];
    enums?: readonly EnumType[];
    services?: readonly string[];
    extensions?: readonly ExtensionInfo[];
  },
): FileInfo {
  let proto: Uint8Array | undefined;
  let resolved: ReturnType<typeof types> | undefined;
  const get = () => (resolved ??= types());
  return {
    kind: "file",
    name,
    dependencies,
    get proto() {
      return (proto ??= base64Decode(protoBase64));
    },
    get messages() {
      return get().messages ?? [];
    },
    get enums() {
      return get().enums ?? [];
    },
    get services() {
      return get().services ?? [];
    },
    get extensions() {
      return get().extensions ?? [];
    },
  };
}

/** Resolves types by fully-qualified name: for `Any` (binary and JSON) and server reflection. */
export interface Registry {
  /** A message type by name ("users.User"). */
  getMessage(typeName: string): MessageType | undefined;
  getEnum(typeName: string): EnumType | undefined;
  /** A registered file by path ("users/user.proto"), dependencies of registered files included. */
  getFile(name: string): FileInfo | undefined;
  /** The file declaring a message, enum or service (or a nested name in them), if its file was registered. */
  getFileContaining(symbol: string): FileInfo | undefined;
  /** An extension by its fully-qualified name. */
  getExtension(typeName: string): ExtensionInfo | undefined;
  /** The extension of message `extendee` (a type name) with field number `no`. */
  getExtensionFor(extendee: string, no: number): ExtensionInfo | undefined;
  /** Every registered file, each once, dependencies before the files that import them. */
  files(): readonly FileInfo[];
  /** Every known message type. */
  messages(): readonly MessageType[];
  /** Every known extension. */
  extensions(): readonly ExtensionInfo[];
}

type Registrable = MessageType | EnumType | ExtensionInfo | FileInfo | Registry;

/**
 * A registry of message types, enum types, extensions, generated files (with
 * all their types and transitive dependencies) and other registries. A message type
 * added directly brings the message and enum types its fields reach.
 */
export function createRegistry(...items: Registrable[]): Registry {
  const messages = new Map<string, MessageType>();
  const enums = new Map<string, EnumType>();
  const files = new Map<string, FileInfo>();
  const symbols = new Map<string, FileInfo>();
  const extensions = new Map<string, ExtensionInfo>();
  const extensionsByField = new Map<string, ExtensionInfo>();

  const addEnum = (e: EnumType) => void enums.set(e.typeName, e);
  const addFieldTypes = (f: FieldInfo): void => {
    for (const v of f.kind === "map" ? [f.V] : [f]) {
      if (v.kind === "message") addMessage(v.T);
      else if (v.kind === "enum") addEnum(v.T);
    }
    if (f.kind !== "map" && f.wrapper) addMessage(f.wrapper);
  };
  const addMessage = (m: MessageType): void => {
    if (messages.get(m.typeName) === m) return;
    messages.set(m.typeName, m);
    m.$fields.list.forEach(addFieldTypes);
  };
  const addExtension = (x: ExtensionInfo): void => {
    extensions.set(x.typeName, x);
    extensionsByField.set(`${x.extendee.typeName}/${x.field.no}`, x);
    addFieldTypes(x.field);
  };
  const addFile = (file: FileInfo): void => {
    if (files.has(file.name)) return;
    for (const dep of file.dependencies) addFile(dep);
    files.set(file.name, file);
    for (const m of file.messages) {
      addMessage(m);
      symbols.set(m.typeName, file);
    }
    for (const e of file.enums) {
      addEnum(e);
      symbols.set(e.typeName, file);
    }
    for (const s of file.services) symbols.set(s, file);
    for (const x of file.extensions) {
      addExtension(x);
      symbols.set(x.typeName, file);
    }
  };

  for (const item of items) {
    if (isRegistry(item)) {
      for (const f of item.files()) addFile(f);
      for (const m of item.messages()) addMessage(m);
      for (const x of item.extensions()) addExtension(x);
    } else if ("kind" in item && item.kind === "file") {
      addFile(item);
    } else if ("kind" in item && item.kind === "extension") {
      addExtension(item);
    } else if ("$fields" in item) {
      addMessage(item);
    } else {
      addEnum(item);
    }
  }

  return {
    getMessage: (name) => messages.get(name),
    getEnum: (name) => enums.get(name),
    getFile: (name) => files.get(name),
    getFileContaining(symbol) {
      // "pkg.Service.Method" or "pkg.Msg.field" resolve to the file of their closest known parent.
      for (let s = symbol; s !== ""; s = s.slice(0, Math.max(0, s.lastIndexOf(".")))) {
        const f = symbols.get(s);
        if (f) return f;
      }
      return undefined;
    },
    getExtension: (name) => extensions.get(name),
    getExtensionFor: (extendee, no) => extensionsByField.get(`${extendee}/${no}`),
    files: () => [...files.values()],
    messages: () => [...messages.values()],
    extensions: () => [...extensions.values()],
  };
}

function isRegistry(item: Registrable): item is Registry {
  return typeof (item as Registry).getMessage === "function";
}
