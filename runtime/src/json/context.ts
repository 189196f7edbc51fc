import { JsonDecodeError } from "../errors.js";
import type { AnyMessage, MessageType } from "../message.js";
import type { Registry } from "../registry.js";
import type { JsonReadOptions, JsonWriteOptions } from "../options.js";
import type { JsonValue } from "./json-value.js";

/** A well-known type's own JSON form, replacing the generic object of fields. */
export interface WktForm {
  read(type: MessageType, json: JsonValue, ctx: ReadContext, path: string): AnyMessage;
  write(msg: AnyMessage, ctx: WriteContext): JsonValue;
}

/**
 * The special JSON form of a message type, or undefined for ordinary
 * messages. A generated well-known type carries its form as the static
 * `$jsonForm` (wkt-forms.ts), so a form is bundled only with its class, and
 * the reader and writer need not import the forms, which nest messages
 * through them (Any, Struct): no import cycle.
 */
export function jsonForm(type: MessageType): WktForm | undefined {
  return (type as { $jsonForm?: WktForm }).$jsonForm;
}

/** Read options with defaults applied, plus the current nesting depth. */
export interface ReadContext {
  readonly ignoreUnknownFields: boolean;
  readonly registry: Registry | undefined;
  readonly maxDepth: number;
  /** Read ordinary messages with their generated `$fromJson` (false: the field table, which builds error paths). */
  readonly generated: boolean;
  depth: number;
  /**
   * `fromJsonString` counts, as generated readers go, the keys of the parsed
   * tree (parse.ts, duplicate keys), so that the tree need not be walked
   * again. Cleared by any reader that does not count what it reads; the
   * caller then walks the tree.
   */
  counting: boolean;
  members: number;
}

/** Write options with defaults applied. */
export interface WriteContext {
  readonly emitDefaultValues: boolean;
  readonly enumAsInteger: boolean;
  readonly useProtoFieldName: boolean;
  readonly registry: Registry | undefined;
  /**
   * The tree only feeds JSON.stringify (`toJsonString`), so generated `$toJson` may put the message's own
   * arrays in it instead of copies.
   */
  readonly share: boolean;
}

export function readContext(options: JsonReadOptions | undefined, generated: boolean, counting = false): ReadContext {
  return {
    ignoreUnknownFields: options?.ignoreUnknownFields ?? false,
    registry: options?.registry,
    maxDepth: options?.maxDepth ?? 100,
    generated,
    depth: 0,
    counting,
    members: 0,
  };
}

export function writeContext(options: JsonWriteOptions | undefined, share = false): WriteContext {
  return {
    emitDefaultValues: options?.emitDefaultValues ?? false,
    enumAsInteger: options?.enumAsInteger ?? false,
    useProtoFieldName: options?.useProtoFieldName ?? false,
    registry: options?.registry,
    share,
  };
}

/** Sets `obj[key]` so that a "__proto__" key is an own property, never the prototype. */
export function setKey<V>(obj: { [key: string]: V }, key: string, value: V): void {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/** Joins a JSON path for error messages: `a.b`, `a[3]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path === "" ? key : `${path}.${key}`;
}

/**
 * The error `e` seen from one level up: a JsonDecodeError gets `key` (a
 * member name or list index) in front of its path. Readers pass children no
 * path and add it here, while an error unwinds, so the success path builds
 * no path strings.
 */
export function atKey(e: unknown, key: string | number): unknown {
  if (!(e instanceof JsonDecodeError)) return e;
  const rest = e.path ?? "";
  const head = typeof key === "number" ? `[${key}]` : key;
  return new JsonDecodeError(e.reason, rest === "" ? head : rest[0] === "[" ? head + rest : `${head}.${rest}`);
}
