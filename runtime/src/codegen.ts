/**
 * Exactly what generated `_pb.ts` files import. The runtime's own generated
 * files (well-known types) import this module directly instead of the index,
 * which re-exports them: that avoids an import cycle.
 */
export { Message, type PartialMessage, type MessageType } from "./message.js";
export { fieldList, type FieldList, type FieldInfo, type EnumType } from "./fields.js";
export { ScalarType, LongType } from "./scalar.js";
export { initPartial } from "./init.js";
export { newMap, dictionaryMap } from "./map-object.js";
export { unknownEnum, unknownEntry } from "./closed-enum.js";
export { fileInfo, extensionInfo, type FileInfo, type ExtensionInfo } from "./registry.js";
export type { BinaryReader } from "./wire/reader.js";
export type { BinaryWriter } from "./wire/writer.js";
// Well-known type helpers: the generated WKT classes delegate to these (docs/ARCHITECTURE.md, "WKT helpers").
export { timestampFromDate, timestampToDate } from "./wkt/timestamp.js";
export { durationFromMs, durationToMs } from "./wkt/duration.js";
export { anyPack, anyIs, anyUnpack } from "./wkt/any.js";
export type { AnyMessage } from "./message.js";
export type { Registry } from "./registry.js";
export type { JsonValue, JsonObject } from "./json/json-value.js";
export type { ReadContext as JsonReadContext, WriteContext as JsonWriteContext, WktForm as JsonForm } from "./json/context.js";
// The well-known types' JSON forms, each held by its generated class (json/wkt-forms.ts).
export * from "./json/wkt-forms.js";
// What generated $toJson / $fromJson call (docs/GENERATED-CODE.md, "JSON").
export * from "./json/generated-write.js";
export * from "./json/generated-text.js";
export * from "./json/generated-read.js";
