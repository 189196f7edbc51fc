import { JsonDecodeError, JsonEncodeError } from "../errors.js";
import type { AnyMessage, MessageType } from "../message.js";
import type { JsonValue } from "./json-value.js";
import type { ReadContext } from "./context.js";
import { expected } from "./scalar-read.js";
import { wktField } from "../wkt/field.js";

/** "foo.barBaz,qux": comma-separated lowerCamelCase paths, read back into snake_case. */
export function readFieldMask(type: MessageType, json: JsonValue, _ctx: ReadContext, path: string): AnyMessage {
  if (typeof json !== "string") throw expected("field mask string", json, path);
  const msg = new type();
  const paths = msg[wktField(type, 1, "scalar").localName] as string[];
  if (json === "") return msg;
  for (const p of json.split(",")) {
    if (p.includes("_")) throw new JsonDecodeError(`field mask path ${JSON.stringify(p)} must be lowerCamelCase`, path);
    paths.push(p.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()));
  }
  return msg;
}

/** Paths that would not read back the same (upper case, "_" not followed by a letter) cannot be written. */
export function writeFieldMask(msg: AnyMessage): JsonValue {
  const paths = msg[wktField(msg.$type(), 1, "scalar").localName] as string[];
  return paths
    .map((p) => {
      if (/[A-Z]|_(?![a-z])/.test(p)) {
        throw new JsonEncodeError(`field mask path ${JSON.stringify(p)} has no lowerCamelCase JSON form`);
      }
      return p.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    })
    .join(",");
}
