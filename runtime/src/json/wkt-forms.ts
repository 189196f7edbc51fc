import type { WktForm } from "./context.js";
import { readTimestamp, writeTimestamp } from "./wkt-timestamp.js";
import { readDuration, writeDuration } from "./wkt-duration.js";
import { readFieldMask, writeFieldMask } from "./wkt-field-mask.js";
import { readWrapper, writeWrapper } from "./wkt-wrapper.js";
import { readListValue, readStruct, readValue, writeListValue, writeStruct, writeValue } from "./wkt-struct.js";
import { readAny, writeAny } from "./wkt-any.js";

const wrapper: WktForm = { read: readWrapper, write: writeWrapper };

const forms: ReadonlyMap<string, WktForm> = new Map<string, WktForm>([
  ["google.protobuf.Timestamp", { read: readTimestamp, write: writeTimestamp }],
  ["google.protobuf.Duration", { read: readDuration, write: writeDuration }],
  ["google.protobuf.FieldMask", { read: readFieldMask, write: writeFieldMask }],
  ["google.protobuf.Struct", { read: readStruct, write: writeStruct }],
  ["google.protobuf.Value", { read: readValue, write: writeValue }],
  ["google.protobuf.ListValue", { read: readListValue, write: writeListValue }],
  ["google.protobuf.Any", { read: readAny, write: writeAny }],
  ["google.protobuf.DoubleValue", wrapper],
  ["google.protobuf.FloatValue", wrapper],
  ["google.protobuf.Int64Value", wrapper],
  ["google.protobuf.UInt64Value", wrapper],
  ["google.protobuf.Int32Value", wrapper],
  ["google.protobuf.UInt32Value", wrapper],
  ["google.protobuf.BoolValue", wrapper],
  ["google.protobuf.StringValue", wrapper],
  ["google.protobuf.BytesValue", wrapper],
]);

/** The special JSON form of a well-known type, or undefined for ordinary messages (Empty included). */
export function wktForm(typeName: string): WktForm | undefined {
  return forms.get(typeName);
}
