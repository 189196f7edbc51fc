import { JsonDecodeError, JsonEncodeError } from "../errors.js";
import type { AnyMessage, MessageType } from "../message.js";
import type { JsonObject, JsonValue } from "./json-value.js";
import { childPath, setKey, type ReadContext, type WriteContext } from "./context.js";
import { asObject, readMessage } from "./read.js";
import { readScalar } from "./scalar-read.js";
import { ScalarType } from "../scalar.js";
import { wktField } from "../wkt/field.js";

// google.protobuf.Value: oneof kind { null_value = 1; number_value = 2; string_value = 3;
// bool_value = 4; struct_value = 5; list_value = 6; }. Struct: map<string, Value> fields = 1.
// ListValue: repeated Value values = 1. Nested reads go through readMessage so depth is counted.

/** Any JSON value, as the Value it stands for. */
export function readValue(type: MessageType, json: JsonValue, ctx: ReadContext, path: string): AnyMessage {
  const msg = new type();
  let no: number;
  let v: unknown;
  if (json === null) {
    no = 1;
    v = 0;
  } else if (typeof json === "number") {
    // JSON has no NaN or Infinity (a literal like 1e400 parses to Infinity): such a Value could not be written back.
    if (!Number.isFinite(json)) throw new JsonDecodeError(`number out of double range for google.protobuf.Value: ${json}`, path);
    no = 2;
    v = json;
  } else if (typeof json === "string") {
    no = 3;
    v = readScalar(ScalarType.STRING, undefined, json, path);
  } else if (typeof json === "boolean") {
    no = 4;
    v = json;
  } else if (Array.isArray(json)) {
    no = 6;
    v = readMessage(wktField(type, 6, "message").T, json, ctx, path);
  } else if (typeof json === "object") {
    no = 5;
    v = readMessage(wktField(type, 5, "message").T, json, ctx, path);
  } else {
    throw new JsonDecodeError(`${typeof json} is not a JSON value`, path);
  }
  const f = type.$fields.find(no)!;
  msg[f.oneof!] = { case: f.localName, value: v };
  return msg;
}

export function readStruct(type: MessageType, json: JsonValue, ctx: ReadContext, path: string): AnyMessage {
  const obj = asObject(json, path);
  const f = wktField(type, 1, "map");
  if (f.V.kind !== "message") throw new Error(`${type.typeName}: not google.protobuf.Struct`);
  const msg = new type();
  const fields = msg[f.localName] as Record<string, AnyMessage>;
  for (const key of Object.keys(obj)) {
    fields[readScalar(ScalarType.STRING, undefined, key, path) as string] = readMessage(f.V.T, obj[key], ctx, childPath(path, key));
  }
  return msg;
}

export function readListValue(type: MessageType, json: JsonValue, ctx: ReadContext, path: string): AnyMessage {
  if (!Array.isArray(json)) throw new JsonDecodeError("expected array for google.protobuf.ListValue", path);
  const f = wktField(type, 1, "message");
  const msg = new type();
  msg[f.localName] = json.map((item, i) => readMessage(f.T, item, ctx, childPath(path, i)));
  return msg;
}

export function writeValue(msg: AnyMessage, ctx: WriteContext): JsonValue {
  const type = msg.$type();
  const oneof = msg[type.$fields.find(1)!.oneof!] as { case: string | undefined; value?: unknown };
  const f = type.$fields.list.find((x) => x.localName === oneof.case);
  switch (f?.no) {
    case 1:
      return null;
    case 2: {
      const n = oneof.value as number;
      if (!Number.isFinite(n)) throw new JsonEncodeError(`google.protobuf.Value cannot hold ${n} in JSON`);
      return n;
    }
    case 3:
    case 4:
      return oneof.value as JsonValue;
    case 5:
      return writeStruct(oneof.value as AnyMessage, ctx);
    case 6:
      return writeListValue(oneof.value as AnyMessage, ctx);
  }
  throw new JsonEncodeError("google.protobuf.Value has no kind set");
}

export function writeStruct(msg: AnyMessage, ctx: WriteContext): JsonValue {
  const fields = msg[wktField(msg.$type(), 1, "map").localName] as Record<string, AnyMessage>;
  const out: JsonObject = {};
  for (const key of Object.keys(fields)) setKey(out, key, writeValue(fields[key], ctx));
  return out;
}

export function writeListValue(msg: AnyMessage, ctx: WriteContext): JsonValue {
  const values = msg[wktField(msg.$type(), 1, "message").localName] as AnyMessage[];
  return values.map((v) => writeValue(v, ctx));
}
