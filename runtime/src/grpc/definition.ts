import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage, Message, MessageType, PartialMessage } from "../message.js";
import type { FileInfo } from "../registry.js";

/** The four gRPC call kinds. */
export type MethodKind = "unary" | "server_streaming" | "client_streaming" | "bidi_streaming";

/** One RPC method of a generated service definition. */
export interface MethodDefinition<I extends Message<I> = AnyMessage, O extends Message<O> = AnyMessage, K extends MethodKind = MethodKind> {
  /** The method's name in the .proto file, e.g. `GetUser`. */
  readonly name: string;
  /** The HTTP/2 path, e.g. `/users.UserService/GetUser`. */
  readonly path: string;
  readonly kind: K;
  /** Request message class. */
  readonly I: MessageType<I>;
  /** Response message class. */
  readonly O: MessageType<O>;
}

/** A generated service: its full proto name and its methods keyed by their lowerCamelCase names. */
export interface ServiceDefinition<
  M extends { readonly [name: string]: MethodDefinition<any, any> } = { readonly [name: string]: MethodDefinition<any, any> },
> {
  readonly typeName: string;
  /** The generated file declaring the service, with its descriptor: what server reflection answers from. */
  readonly file?: FileInfo;
  readonly methods: M;
}

/** A request or response: a message instance, or a plain partial object that becomes one. */
export type MessageInit<T extends Message<T>> = T | PartialMessage<T>;

/**
 * `init` as an instance of `type` (instances pass through untouched). Anything
 * but an object is a `TypeError`: a handler that forgot to return its response
 * must not answer with an empty message.
 */
export function toMessage<T extends Message<T>>(type: MessageType<T>, init: MessageInit<T>): T {
  if (init instanceof type) return init;
  if (typeof init !== "object" || init === null)
    throw new TypeError(`expected a ${type.typeName} or a plain object, got ${init === null ? "null" : typeof init}`);
  return new type(init as PartialMessage<T>);
}

// grpc-js takes a serializer and a deserializer on every call: one of each per message type, made once.
const serializers = new WeakMap<MessageType, unknown>();
const deserializers = new WeakMap<MessageType, unknown>();

function perType<F>(cache: WeakMap<MessageType, unknown>, type: MessageType, make: () => F): F {
  let f = cache.get(type) as F | undefined;
  if (f === undefined) cache.set(type, (f = make()));
  return f;
}

/** grpc-js serializer for `type`: accepts instances and partials; the Buffer shares the encoded bytes. */
export function serializer<T extends Message<T>>(type: MessageType<T>): (value: MessageInit<T>) => Buffer {
  return perType(serializers, type as MessageType, () => (value: MessageInit<T>) => {
    const bytes = toMessage(type, value).toBinary();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  });
}

/** grpc-js deserializer for `type`. */
export function deserializer<T extends Message<T>>(type: MessageType<T>): (bytes: Buffer) => T {
  return perType(deserializers, type as MessageType, () => (bytes: Buffer) => type.fromBinary(bytes));
}

/**
 * grpc-js's own `ServiceDefinition` for a generated service, serializers
 * included, for `server.addService` or `makeGenericClientConstructor`.
 */
export function toGrpcDefinition(def: ServiceDefinition): Record<string, grpc.MethodDefinition<MessageInit<AnyMessage>, AnyMessage>> {
  const out: Record<string, grpc.MethodDefinition<MessageInit<AnyMessage>, AnyMessage>> = {};
  for (const [key, m] of Object.entries(def.methods)) {
    out[key] = {
      path: m.path,
      originalName: m.name,
      requestStream: m.kind === "client_streaming" || m.kind === "bidi_streaming",
      responseStream: m.kind === "server_streaming" || m.kind === "bidi_streaming",
      requestSerialize: serializer(m.I),
      requestDeserialize: deserializer(m.I),
      responseSerialize: serializer(m.O),
      responseDeserialize: deserializer(m.O),
    };
  }
  return out;
}
