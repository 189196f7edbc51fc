/**
 * Where a message keeps the raw bytes of fields its schema does not know, in
 * wire order, each chunk one complete field (tag included). A symbol so it
 * never collides with a field and stays out of `Object.keys` and JSON.
 * Defined apart from message.ts so the wire layer can use it without an
 * import cycle (message.ts imports the wire layer).
 */
export const unknownFields: unique symbol = Symbol.for("tsgrpc.unknownFields");

/** Anything that can carry unknown fields; every Message does. */
export interface HasUnknownFields {
  [unknownFields]?: Uint8Array[];
}
