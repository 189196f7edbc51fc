import type { WktForm } from "./context.js";
import { readTimestamp, writeTimestamp } from "./wkt-timestamp.js";
import { readDuration, writeDuration } from "./wkt-duration.js";
import { readFieldMask, writeFieldMask } from "./wkt-field-mask.js";
import { readWrapper, writeWrapper } from "./wkt-wrapper.js";
import { readListValue, readStruct, readValue, writeListValue, writeStruct, writeValue } from "./wkt-struct.js";
import { readAny, writeAny } from "./wkt-any.js";

/*
 * The well-known types' own JSON forms. Each generated class of these types
 * holds its form as the static `$jsonForm` (plugin/src/json-common.ts), so a
 * bundle holds a form's code only when the app imports its type.
 */

export const timestampJsonForm: WktForm = { read: readTimestamp, write: writeTimestamp };
export const durationJsonForm: WktForm = { read: readDuration, write: writeDuration };
export const fieldMaskJsonForm: WktForm = { read: readFieldMask, write: writeFieldMask };
export const structJsonForm: WktForm = { read: readStruct, write: writeStruct };
export const valueJsonForm: WktForm = { read: readValue, write: writeValue };
export const listValueJsonForm: WktForm = { read: readListValue, write: writeListValue };
export const anyJsonForm: WktForm = { read: readAny, write: writeAny };
/** DoubleValue, FloatValue, Int64Value, UInt64Value, Int32Value, UInt32Value, BoolValue, StringValue, BytesValue. */
export const wrapperJsonForm: WktForm = { read: readWrapper, write: writeWrapper };
