import * as grpc from "@grpc/grpc-js";
import type { AnyMessage, Message } from "../message.js";
import type { CallOptions } from "../grpc/call-options.js";
import type { ClientOptions } from "../grpc/client/client-options.js";
import { toMessage, type MessageInit, type MethodDefinition, type ServiceDefinition } from "../grpc/definition.js";
import type { ClientCall, ClientInterceptor } from "../grpc/interceptors.js";
import { iterate } from "../grpc/iterables.js";
import { RpcError } from "../grpc/rpc-error.js";
import { Code } from "../grpc/status/code.js";
import type { ClientClass } from "./test-server.js";

type Sync<T> = T | Promise<T>;
type Responses<O extends Message<O>> = AsyncIterable<MessageInit<O>> | Iterable<MessageInit<O>>;
/** A scripted response stream: each message in turn; an `Error` ends the stream with it. */
export type StreamScript<O extends Message<O>> = readonly (MessageInit<O> | Error)[];

/**
 * How a stubbed method answers: a canned response (or an `Error` to reject
 * with), a script of responses for a streaming method, or a function of the
 * request(s) and the call's options.
 */
export type StubBehaviour<M> =
  M extends MethodDefinition<infer I, infer O, infer K>
    ? K extends "unary"
      ? MessageInit<O> | Error | ((request: I, options: CallOptions) => Sync<MessageInit<O>>)
      : K extends "server_streaming"
        ? StreamScript<O> | ((request: I, options: CallOptions) => Responses<O>)
        : K extends "client_streaming"
          ? MessageInit<O> | Error | ((requests: AsyncIterable<I>, options: CallOptions) => Sync<MessageInit<O>>)
          : K extends "bidi_streaming"
            ? StreamScript<O> | ((requests: AsyncIterable<I>, options: CallOptions) => Responses<O>)
            : never
    : never;

/** A behaviour per method of `S`, by the same names as the client's methods; methods left out fail with UNIMPLEMENTED. */
export type StubBehaviours<S extends ServiceDefinition> = { [K in keyof S["methods"]]?: StubBehaviour<S["methods"][K]> };

type Loose = MessageInit<AnyMessage> | Error | readonly (MessageInit<AnyMessage> | Error)[] | ((request: unknown, options: CallOptions) => unknown);

/**
 * An instance of a generated client class whose calls never leave the
 * process: each method answers from `behaviours`, type-checked against the
 * service definition. Requests still become message instances (a bad one
 * fails as it would for real), responses are instances of the method's
 * output class, `options.signal` cancels, and `options.interceptors` run
 * around the stub as around a real call.
 *
 * ```ts
 * const users = stubClient(UserServiceClient, UserService, {
 *   getUser: (request) => ({ id: request.id, name: "Ada" }),
 *   listUsers: [{ id: "1" }, new RpcError(Code.UNAVAILABLE, "down")],
 * });
 * ```
 */
export function stubClient<C, S extends ServiceDefinition>(
  Client: ClientClass<C>,
  definition: S,
  behaviours: StubBehaviours<S>,
  options: Pick<ClientOptions, "interceptors"> = {},
): C {
  const byMethod = new Map<MethodDefinition, Loose | undefined>();
  for (const [key, method] of Object.entries<MethodDefinition>(definition.methods))
    byMethod.set(method, (behaviours as Record<string, Loose | undefined>)[key]);
  const stub: ClientInterceptor = (call) => answer(call, byMethod.get(call.method), definition) as AsyncIterable<never>;
  // The channel is never used: the stub answers before any call reaches it (grpc-js connects only on a call).
  return new Client("stub.invalid:0", grpc.credentials.createInsecure(), { interceptors: [...(options.interceptors ?? []), stub] });
}

async function* answer(call: ClientCall, behaviour: Loose | undefined, definition: ServiceDefinition): AsyncGenerator<AnyMessage> {
  const { method, options } = call;
  const { signal } = options;
  const checkCancelled = () => {
    if (signal?.aborted) throw new RpcError(Code.CANCELLED, "call cancelled by the caller");
  };
  checkCancelled();
  if (behaviour === undefined) throw new RpcError(Code.UNIMPLEMENTED, `stubClient: no behaviour for ${definition.typeName}.${method.name}`);
  const responseStream = method.kind === "server_streaming" || method.kind === "bidi_streaming";
  let result: unknown = behaviour;
  if (typeof behaviour === "function") result = behaviour(call.request, options);
  else if (!responseStream && call.requestStream) for await (const _ of call.request) checkCancelled(); // a canned answer still reads what the caller sends
  if (!responseStream) {
    const response = await result;
    if (response instanceof Error) throw response;
    checkCancelled();
    yield toMessage(method.O, response as MessageInit<AnyMessage>);
    return;
  }
  const it = iterate(result as Responses<AnyMessage>);
  for (let r = await it.next(); !r.done; r = await it.next()) {
    checkCancelled();
    if (r.value instanceof Error) throw r.value;
    yield toMessage(method.O, r.value);
  }
}
