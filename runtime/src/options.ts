import type { Registry } from "./registry.js";

export interface BinaryReadOptions {
  /** Keep fields the schema does not know so they are written back (default true). */
  readUnknownFields?: boolean;
  /** Maximum nesting of messages and groups before decoding fails (default 100). */
  maxDepth?: number;
}

export interface BinaryWriteOptions {
  /** Write back unknown fields kept by decoding (default true). */
  writeUnknownFields?: boolean;
}

export interface JsonReadOptions {
  /** Skip unknown keys and unknown enum names instead of failing (default false). */
  ignoreUnknownFields?: boolean;
  /** Resolves `google.protobuf.Any` payloads. */
  registry?: Registry;
  /** Maximum nesting before parsing fails (default 100). */
  maxDepth?: number;
}

export interface JsonWriteOptions {
  /** Emit fields that hold their default value (default false). */
  emitDefaultValues?: boolean;
  /** Write enum values as numbers instead of names (default false). */
  enumAsInteger?: boolean;
  /** Use the .proto field names instead of lowerCamelCase JSON names (default false). */
  useProtoFieldName?: boolean;
  /** Resolves `google.protobuf.Any` payloads. */
  registry?: Registry;
}

export interface JsonWriteStringOptions extends JsonWriteOptions {
  /** Indentation for pretty printing (default 0: compact). */
  prettySpaces?: number;
}

export interface TextReadOptions {
  /** Resolves expanded `google.protobuf.Any` (`[type.googleapis.com/pkg.Msg] { ... }`) and `[pkg.ext]` extensions. */
  registry?: Registry;
  /** Skip fields and extensions the schema does not know instead of failing (default false). */
  ignoreUnknownFields?: boolean;
  /** Maximum nesting of messages before parsing fails (default 100). */
  maxDepth?: number;
}

export interface TextWriteOptions {
  /** Everything on one line, fields separated by spaces (default false: one field per line). */
  singleLine?: boolean;
  /** Indentation per nesting level in multi-line output (default 2 spaces). */
  indent?: number;
  /** Print fields the schema does not know, by number (default false). Such text cannot be parsed back. */
  printUnknownFields?: boolean;
  /** Prints `Any` payloads expanded and extensions as `[pkg.ext]`; without it they stay raw bytes / unknown fields. */
  registry?: Registry;
}
