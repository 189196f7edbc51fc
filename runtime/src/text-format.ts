import type { AnyMessage, Message, MessageType } from "./message.js";
import type { TextReadOptions, TextWriteOptions } from "./options.js";

/** What Message's text-format members call: installed by `text/index.ts`. */
export interface TextFormat {
  readText<T extends Message<T>>(type: MessageType<T>, text: string, options?: TextReadOptions): T;
  mergeText(msg: Message<any>, text: string, options?: TextReadOptions): void;
  writeText(msg: Message<any>, options?: TextWriteOptions): string;
  inspectText(msg: AnyMessage, breakLength?: number): string | undefined;
}

let installed: TextFormat | undefined;

/**
 * Makes text format available to every message. The codec is a quarter of the
 * runtime, so it is not an import of Message: Node entries of the package
 * install it (`node.ts`); a browser bundle gets it with `import
 * "@tsgrpc/runtime/text"`, and without it ships none of it.
 */
export function installTextFormat(format: TextFormat): void {
  installed = format;
}

export function textFormat(): TextFormat {
  if (!installed) {
    throw new Error('protobuf text format is not loaded in this bundle: add `import "@tsgrpc/runtime/text";` once (Node loads it with the runtime)');
  }
  return installed;
}

/** The installed text format, or undefined (Node's inspect hook falls back to plain properties). */
export function textFormatIfLoaded(): TextFormat | undefined {
  return installed;
}
