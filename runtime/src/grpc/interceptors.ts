import type { AnyMessage, Message } from "../message.js";
import type { CallOptions } from "./call-options.js";
import type { MethodDefinition } from "./definition.js";
import type { MessageCounts } from "./message-counts.js";
import type { Metadata } from "./metadata.js";
import { failed } from "./iterables.js";
import type { CallContext } from "./server/context.js";

/**
 * The request side of a call as interceptors see it: one message for unary
 * and server-streaming methods, a stream for client-streaming and bidi ones.
 */
export type CallRequest<I> = { readonly requestStream: false; readonly request: I } | { readonly requestStream: true; readonly request: AsyncIterable<I> };

/**
 * A client call on its way out. `metadata` is this call's own copy (change it
 * in place or pass a new call to `next`); `options` are the caller's;
 * `target` is the address the client was made with; `counts` grow as
 * messages are encoded and decoded (read them when the call ends).
 */
export type ClientCall<I extends Message<I> = AnyMessage, O extends Message<O> = AnyMessage> = CallRequest<I> & {
  readonly method: MethodDefinition<I, O>;
  readonly metadata: Metadata;
  readonly options: CallOptions;
  readonly target: string;
  readonly counts: MessageCounts;
};

/**
 * Client middleware around every call kind. Every call is seen as a stream of
 * responses (one for unary and client-streaming methods); an interceptor
 * calls `next` to proceed and re-yields, observes or replaces what comes back,
 * usually as an `async function*` doing `yield* next(call)`. The first
 * interceptor in a list is the outermost.
 */
export type ClientInterceptor = <I extends Message<I>, O extends Message<O>>(
  call: ClientCall<I, O>,
  next: (call: ClientCall<I, O>) => AsyncIterable<O>,
) => AsyncIterable<O>;

/**
 * A server call on its way to the handler. `counts` hold the requests read so
 * far and the responses encoded so far: a response yielded by `next` is
 * counted by the time the interceptor's generator resumes after yielding it.
 */
export type ServerCall<I extends Message<I> = AnyMessage, O extends Message<O> = AnyMessage> = CallRequest<I> & {
  readonly method: MethodDefinition<I, O>;
  readonly context: CallContext;
  readonly counts: MessageCounts;
};

/**
 * Server middleware around every handler, in the same shape as
 * `ClientInterceptor`: throw an `RpcError` to answer with a status, wrap
 * `yield* next(call)` to observe responses and errors.
 */
export type ServerInterceptor = <I extends Message<I>, O extends Message<O>>(
  call: ServerCall<I, O>,
  next: (call: ServerCall<I, O>) => AsyncIterable<O>,
) => AsyncIterable<O>;

type Step<C> = (call: C) => AsyncIterable<AnyMessage>;

/** `inner` wrapped by `interceptors`, the first one outermost. */
export function chain(interceptors: readonly ClientInterceptor[], inner: Step<ClientCall>): Step<ClientCall>;
export function chain(interceptors: readonly ServerInterceptor[], inner: Step<ServerCall>): Step<ServerCall>;
export function chain(interceptors: readonly ((call: never, next: never) => AsyncIterable<AnyMessage>)[], inner: Step<never>): Step<never> {
  type Loose = (call: never, next: Step<never>) => AsyncIterable<AnyMessage>;
  const step = (interceptors as readonly Loose[]).reduceRight<Step<never>>((next, interceptor) => (call) => interceptor(call, next), inner);
  // An interceptor or handler written as a plain function may throw before it returns a stream;
  // that error must end the call like any other (grpc-js would answer a synchronous throw with UNKNOWN).
  return (call) => {
    try {
      return step(call);
    } catch (error) {
      return failed(error);
    }
  };
}
