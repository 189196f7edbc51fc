import { JsonDecodeError, JsonEncodeError } from "../errors.js";
import type { Message, MessageType } from "../message.js";
import type { JsonReadOptions, JsonWriteOptions, JsonWriteStringOptions } from "../options.js";
import type { JsonValue } from "./json-value.js";
import { checkDuplicates, memberColons, parseJsonText } from "./parse.js";
import { readContext, writeContext, type WriteContext } from "./context.js";
import { readMessage } from "./read.js";
import { writeMessage } from "./write.js";

/**
 * A new message of `type` from its proto3 JSON form (an already parsed value).
 * Generated `$fromJson` methods read it; when they reject it, the field table
 * reads it again to throw the error with its path (docs/GENERATED-CODE.md, "JSON").
 */
export function readJson<T extends Message<T>>(type: MessageType<T>, json: JsonValue, options?: JsonReadOptions): T {
  try {
    return readMessage(type, json, readContext(options, true), "") as unknown as T;
  } catch (e) {
    if (!(e instanceof JsonDecodeError)) throw e;
  }
  return readMessage(type, json, readContext(options, false), "") as unknown as T;
}

/**
 * A new message of `type` from JSON text. Text that is not JSON, or repeats a
 * key, is a JsonDecodeError too. Generated readers count the members they
 * read, so a repeated key (which JSON.parse drops) is found by comparing that
 * count with the text's ':' (parse.ts); the tree is walked only when a reader
 * could not count, or the counts differ.
 */
export function readJsonString<T extends Message<T>>(type: MessageType<T>, text: string, options?: JsonReadOptions): T {
  if (typeof text !== "string") throw new JsonDecodeError(`expected JSON text, got ${typeof text}`);
  const json = parseJsonText(text);
  const ctx = readContext(options, true, true);
  let msg: T;
  try {
    msg = readMessage(type, json, ctx, "") as unknown as T;
  } catch (e) {
    if (!(e instanceof JsonDecodeError)) throw e;
    // A repeated key is reported first, as before any field is read.
    checkDuplicates(json, text);
    return readMessage(type, json, readContext(options, false), "") as unknown as T;
  }
  if (!ctx.counting || ctx.members !== memberColons(text)) checkDuplicates(json, text);
  return msg;
}

/** The proto3 JSON form of a message (`Message<any>` so that `this` of any `Message<T>` fits). */
export function writeJson(msg: Message<any>, options?: JsonWriteOptions): JsonValue {
  return write(msg, options, false);
}

/** Write contexts hold no state, so `toJsonString()` without options shares one. */
let defaultTextContext: WriteContext | undefined;

/** The proto3 JSON form of a message as text, compact unless `prettySpaces` is given. */
export function writeJsonString(msg: Message<any>, options?: JsonWriteStringOptions): string {
  const ctx = options === undefined ? (defaultTextContext ??= writeContext(undefined, true)) : writeContext(options, true);
  if (!options?.prettySpaces && isDefault(ctx)) {
    try {
      const text = msg.$toJsonText(ctx);
      return Object.prototype.hasOwnProperty.call(Object.getPrototypeOf(msg), "$toJsonText") ? flat(text) : text;
    } catch (e) {
      if (!(e instanceof JsonEncodeError)) throw e;
    }
  }
  return JSON.stringify(write(msg, options, true), null, options?.prettySpaces ?? 0);
}

/**
 * Under the default options, the generated `$toJson` writes the message; a
 * value it cannot write sends the message through the field table, which
 * throws the error with the field's path. Other options use the field table.
 */
function write(msg: Message<any>, options: JsonWriteOptions | undefined, share: boolean): JsonValue {
  const ctx = writeContext(options, share);
  if (isDefault(ctx)) {
    try {
      return msg.$toJson(ctx);
    } catch (e) {
      if (!(e instanceof JsonEncodeError)) throw e;
    }
  }
  return writeMessage(msg as Parameters<typeof writeMessage>[0], ctx);
}

/** The write options generated code handles: all but these three, which the field table writes. */
function isDefault(ctx: WriteContext): boolean {
  return !ctx.emitDefaultValues && !ctx.enumAsInteger && !ctx.useProtoFieldName;
}

/**
 * Generated text (the message's class has its own `$toJsonText`) as one flat
 * string. It is a rope of many short strings, which V8 copies into one on the
 * first read of a character; doing that here keeps the cost in
 * `toJsonString`, where it belongs, instead of in whatever reads the text
 * first. (JSON.stringify's result, from `Message`'s `$toJsonText`, is left as
 * every JSON.stringify caller gets it: at most a few large parts.) The test
 * keeps the read from being optimised away (a first char code is never < 0).
 */
function flat(text: string): string {
  return text.charCodeAt(0) < 0 ? "" : text;
}
