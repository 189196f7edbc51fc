import { JsonDecodeError, JsonEncodeError } from "../errors.js";
import type { AnyMessage, MessageType } from "../message.js";
import type { JsonObject, JsonValue } from "./json-value.js";
import { childPath, jsonForm, setKey, type ReadContext, type WriteContext } from "./context.js";
import { asObject, readMessage } from "./read.js";
import { writeFields, writeMessage } from "./write.js";
import { wktField } from "../wkt/field.js";
import { typeNameOfUrl } from "../wkt/type-url.js";

// google.protobuf.Any: string type_url = 1; bytes value = 2.
// JSON: {"@type": url, ...fields of the packed message}, or {"@type": url, "value": <special form>}
// when the packed message is itself a well-known type with a special form.

export function readAny(type: MessageType, json: JsonValue, ctx: ReadContext, path: string): AnyMessage {
  const obj = asObject(json, path);
  const msg = new type();
  const keys = Object.keys(obj);
  if (keys.length === 0) return msg;
  const url = obj["@type"];
  if (typeof url !== "string" || url === "") throw new JsonDecodeError('google.protobuf.Any needs a "@type" string', path);
  const packed = lookup(ctx.registry?.getMessage(typeNameOfUrl(url)), url, (m) => new JsonDecodeError(m, path));
  let inner: AnyMessage;
  if (jsonForm(packed)) {
    for (const k of keys) {
      if (k !== "@type" && k !== "value" && !ctx.ignoreUnknownFields) {
        throw new JsonDecodeError(`unknown field ${JSON.stringify(k)} in google.protobuf.Any holding ${packed.typeName}`, path);
      }
    }
    if (!("value" in obj)) throw new JsonDecodeError(`google.protobuf.Any holding ${packed.typeName} needs "value"`, path);
    inner = readMessage(packed, obj["value"], ctx, childPath(path, "value"));
  } else {
    const rest: JsonObject = {};
    for (const k of keys) if (k !== "@type") setKey(rest, k, obj[k]);
    inner = readMessage(packed, rest, ctx, path);
  }
  msg[wktField(type, 1, "scalar").localName] = url;
  msg[wktField(type, 2, "scalar").localName] = inner.toBinary();
  return msg;
}

export function writeAny(msg: AnyMessage, ctx: WriteContext): JsonValue {
  const type = msg.$type();
  const url = msg[wktField(type, 1, "scalar").localName] as string;
  const value = msg[wktField(type, 2, "scalar").localName] as Uint8Array;
  if (url === "" && value.length === 0) return {};
  const packed = lookup(ctx.registry?.getMessage(typeNameOfUrl(url)), url, (m) => new JsonEncodeError(m));
  const inner = packed.fromBinary(value);
  const out: JsonObject = { "@type": url };
  if (jsonForm(packed)) {
    out["value"] = writeMessage(inner, ctx);
  } else {
    const fields = writeFields(inner, ctx);
    for (const k of Object.keys(fields)) setKey(out, k, fields[k]);
  }
  return out;
}

function lookup(type: MessageType | undefined, url: string, error: (message: string) => Error): MessageType {
  if (!type) throw error(`google.protobuf.Any type ${JSON.stringify(url)} is not in the registry (JSON options: registry)`);
  return type;
}
