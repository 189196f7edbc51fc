import type { AnyMessage, Message, MessageType } from "../message.js";
import type { Registry } from "../registry.js";
import { wktField } from "./field.js";
import { TYPE_URL_PREFIX, typeNameOfUrl } from "./type-url.js";

// google.protobuf.Any: string type_url = 1; bytes value = 2.

/** `Any.pack(message, prefix?)`: the message's binary form under "type.googleapis.com/<typeName>". */
export function anyPack<T extends Message<T>>(type: MessageType<T>, message: Message<any>, typeUrlPrefix = TYPE_URL_PREFIX): T {
  const any = new type() as unknown as AnyMessage;
  const prefix = typeUrlPrefix.endsWith("/") ? typeUrlPrefix : typeUrlPrefix + "/";
  any[wktField(type as unknown as MessageType, 1, "scalar").localName] = prefix + message.$type().typeName;
  any[wktField(type as unknown as MessageType, 2, "scalar").localName] = message.toBinary();
  return any as unknown as T;
}

/** `any.is(Type)` or `any.is("pkg.Type")`: whether the Any holds that message type. */
export function anyIs(any: Message<any>, type: MessageType<any> | string): boolean {
  const url = typeUrl(any);
  return url !== "" && typeNameOfUrl(url) === (typeof type === "string" ? type : type.typeName);
}

/**
 * `any.unpack(Type)` or `any.unpack(registry)`: the packed message, or
 * undefined when it is of another type or the registry does not know it.
 * Bytes that are not a valid message throw a BinaryDecodeError.
 */
export function anyUnpack(any: Message<any>, from: MessageType<any> | Registry): AnyMessage | undefined {
  const url = typeUrl(any);
  if (url === "") return undefined;
  const type = "getMessage" in from ? from.getMessage(typeNameOfUrl(url)) : anyIs(any, from) ? from : undefined;
  const value = (any as unknown as AnyMessage)[wktField(any.$type() as MessageType, 2, "scalar").localName] as Uint8Array;
  return type?.fromBinary(value) as AnyMessage | undefined;
}

function typeUrl(any: Message<any>): string {
  return (any as unknown as AnyMessage)[wktField(any.$type() as MessageType, 1, "scalar").localName] as string;
}
