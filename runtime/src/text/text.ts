import type { Message, MessageType } from "../message.js";
import type { TextReadOptions, TextWriteOptions } from "../options.js";
import { mergeText as mergeInto } from "./read.js";
import { writeText as write } from "./write.js";

/** A new message of `type` from text format. */
export function readText<T extends Message<T>>(type: MessageType<T>, text: string, options?: TextReadOptions): T {
  const msg = new type();
  mergeInto(msg, text, options);
  return msg;
}

/** Merges text format into `msg` (singular fields replaced, messages merged, lists appended, map entries added). */
export function mergeText(msg: Message<any>, text: string, options?: TextReadOptions): void {
  mergeInto(msg as Parameters<typeof mergeInto>[0], text, options);
}

/** The text format of a message (`Message<any>` so that `this` of any `Message<T>` fits). */
export function writeText(msg: Message<any>, options?: TextWriteOptions): string {
  return write(msg as Parameters<typeof write>[0], options);
}
