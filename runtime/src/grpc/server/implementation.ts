import type { AnyMessage, Message } from "../../message.js";
import { serializer, toMessage, type MessageInit, type MethodDefinition, type ServiceDefinition } from "../definition.js";
import { chain, type ServerCall, type ServerInterceptor } from "../interceptors.js";
import { failed, oneMessage, single, toMessages } from "../iterables.js";
import { countedRequests, countingSerializer, countReceived, newCounts } from "../message-counts.js";
import { RpcError } from "../rpc-error.js";
import { Code } from "../status/code.js";
import type { CallContext, ServerCallContext } from "./context.js";
import type { Respond } from "./handler.js";

/** The handler a method of kind `K` needs. */
export type MethodHandler<I extends Message<I>, O extends Message<O>, K> = K extends "unary"
  ? (request: I, context: CallContext) => Promise<MessageInit<O>>
  : K extends "server_streaming"
    ? (request: I, context: CallContext) => AsyncIterable<MessageInit<O>>
    : K extends "client_streaming"
      ? (requests: AsyncIterable<I>, context: CallContext) => Promise<MessageInit<O>>
      : K extends "bidi_streaming"
        ? (requests: AsyncIterable<I>, context: CallContext) => AsyncIterable<MessageInit<O>>
        : never;

/** What `server.add(definition, implementation)` takes for `S`: one handler per method. */
export type ServiceImplementation<S extends ServiceDefinition> = {
  [K in keyof S["methods"]]: S["methods"][K] extends MethodDefinition<infer I, infer O, infer Kind> ? MethodHandler<I, O, Kind> : never;
};

type AnyHandler = (...args: never[]) => unknown;
type LooseHandler = (request: unknown, context: CallContext) => unknown;

/**
 * How each call of `method` gets its response: through `interceptors` when
 * there are any (every call then a stream of responses, see interceptors.ts),
 * otherwise straight from the user's handler, with no async generator in
 * between (response messages are checked where they are encoded).
 */
export function responder(method: MethodDefinition, handler: AnyHandler | undefined, self: object, interceptors: readonly ServerInterceptor[]): Respond {
  const singleResponse = method.kind === "unary" || method.kind === "client_streaming";
  const encode = serializer(method.O);
  if (handler !== undefined && interceptors.length === 0) {
    const h = handler as LooseHandler;
    if (singleResponse) {
      const respond = (request: AnyMessage | AsyncIterable<AnyMessage>, context: ServerCallContext) => {
        try {
          return Promise.resolve(h.call(self, request, context));
        } catch (error) {
          return Promise.reject(error);
        }
      };
      return Object.assign(respond, { bytes: encode as (response: unknown) => Buffer });
    }
    return (request, context) => {
      try {
        const responses = h.call(self, request, context) as AsyncIterable<MessageInit<AnyMessage>>;
        // Anything but an async iterable takes the checked path (a sync iterable works, the rest is a TypeError).
        return typeof responses?.[Symbol.asyncIterator] === "function" ? responses : toMessages(method.O, responses);
      } catch (error) {
        return failed(error);
      }
    };
  }
  const run = chain(interceptors, toRunCall(method, handler, self));
  const requestStream = method.kind === "client_streaming" || method.kind === "bidi_streaming";
  const start = (request: AnyMessage | AsyncIterable<AnyMessage>, context: ServerCallContext) => {
    const counts = (context.counts = newCounts());
    if (requestStream) request = countedRequests(request as AsyncIterable<AnyMessage>, counts);
    else countReceived(counts, request as AnyMessage);
    return run({ method, context, requestStream, request, counts } as ServerCall);
  };
  if (!singleResponse) return start;
  const respond = (request: AnyMessage | AsyncIterable<AnyMessage>, context: ServerCallContext) =>
    single(start(request, context), countingSerializer(method.O, context.counts));
  return Object.assign(respond, { bytes: (response: unknown) => response as Buffer });
}

/** A method's handler (or UNIMPLEMENTED when absent) in the uniform shape interceptors wrap. */
function toRunCall(method: MethodDefinition, handler: AnyHandler | undefined, self: object): (call: ServerCall) => AsyncIterable<AnyMessage> {
  if (handler === undefined) {
    return () => failed(new RpcError(Code.UNIMPLEMENTED, `method ${method.path} is not implemented`));
  }
  const { O } = method;
  const h = handler as LooseHandler;
  switch (method.kind) {
    case "unary":
    case "client_streaming":
      // The handler runs when the stream is first read: an interceptor that never reads it never runs the handler.
      return (call) => oneMessage(() => Promise.resolve(h.call(self, call.request, call.context) as MessageInit<AnyMessage>).then((m) => toMessage(O, m)));
    case "server_streaming":
    case "bidi_streaming":
      return (call) => toMessages(O, h.call(self, call.request, call.context) as AsyncIterable<MessageInit<AnyMessage>>);
  }
}
