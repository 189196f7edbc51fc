import { JsonDecodeError } from "../errors.js";
import type { Message, MessageType } from "../message.js";
import type { JsonReadOptions, JsonWriteOptions, JsonWriteStringOptions } from "../options.js";
import type { JsonValue } from "./json-value.js";
import { parseJson } from "./parse.js";
import { readContext, writeContext } from "./context.js";
import { readMessage } from "./read.js";
import { writeMessage } from "./write.js";
import { wktForm } from "./wkt-forms.js";

/** A new message of `type` from its proto3 JSON form (an already parsed value). */
export function readJson<T extends Message<T>>(type: MessageType<T>, json: JsonValue, options?: JsonReadOptions): T {
  return readMessage(type, json, readContext(options, wktForm), "") as unknown as T;
}

/** A new message of `type` from JSON text. Text that is not JSON, or repeats a key, is a JsonDecodeError too. */
export function readJsonString<T extends Message<T>>(type: MessageType<T>, text: string, options?: JsonReadOptions): T {
  if (typeof text !== "string") throw new JsonDecodeError(`expected JSON text, got ${typeof text}`);
  return readJson(type, parseJson(text), options);
}

/** The proto3 JSON form of a message (`Message<any>` so that `this` of any `Message<T>` fits). */
export function writeJson(msg: Message<any>, options?: JsonWriteOptions): JsonValue {
  return writeMessage(msg as Parameters<typeof writeMessage>[0], writeContext(options, wktForm));
}

/** The proto3 JSON form of a message as text, compact unless `prettySpaces` is given. */
export function writeJsonString(msg: Message<any>, options?: JsonWriteStringOptions): string {
  return JSON.stringify(writeJson(msg, options), null, options?.prettySpaces ?? 0);
}
