import { JsonDecodeError } from "../errors.js";
import type { Registry } from "../registry.js";
import type { JsonReadOptions, JsonWriteOptions } from "../options.js";

/** Read options with defaults applied, plus the current nesting depth. */
export interface ReadContext {
  readonly ignoreUnknownFields: boolean;
  readonly registry: Registry | undefined;
  readonly maxDepth: number;
  depth: number;
}

/** Write options with defaults applied. */
export interface WriteContext {
  readonly emitDefaultValues: boolean;
  readonly enumAsInteger: boolean;
  readonly useProtoFieldName: boolean;
  readonly registry: Registry | undefined;
}

export function readContext(options: JsonReadOptions | undefined): ReadContext {
  return {
    ignoreUnknownFields: options?.ignoreUnknownFields ?? false,
    registry: options?.registry,
    maxDepth: options?.maxDepth ?? 100,
    depth: 0,
  };
}

export function writeContext(options: JsonWriteOptions | undefined): WriteContext {
  return {
    emitDefaultValues: options?.emitDefaultValues ?? false,
    enumAsInteger: options?.enumAsInteger ?? false,
    useProtoFieldName: options?.useProtoFieldName ?? false,
    registry: options?.registry,
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
