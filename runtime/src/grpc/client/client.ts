import * as grpc from "@grpc/grpc-js";
import type { AnyMessage, Message } from "../../message.js";
import { effectiveDeadline, type CallOptions } from "../call-options.js";
import { toMessage, type MessageInit, type MethodDefinition, type MethodKind } from "../definition.js";
import { chain, type ClientCall } from "../interceptors.js";
import { failed, oneMessage, single, toMessages } from "../iterables.js";
import { newCounts } from "../message-counts.js";
import { toGrpcMetadata } from "../metadata-grpc.js";
import { Metadata } from "../metadata.js";
import { RpcError } from "../rpc-error.js";
import { Code } from "../status/code.js";
import { bidiStreamingCall } from "./bidi-streaming.js";
import { fromCaller } from "./caller-stack.js";
import { clientStreamingCall } from "./client-streaming.js";
import { toChannelOptions, type ClientOptions } from "./client-options.js";
import { startEagerly } from "./eager.js";
import { serverStreamingCall } from "./server-streaming.js";
import { unaryCall } from "./unary.js";

// The innermost step of each call kind as interceptors see it: a stream of responses. Every call starts when its step is called.
const STEPS: Record<MethodKind, (client: grpc.Client, call: ClientCall) => AsyncIterable<AnyMessage>> = {
  unary: (client, call) => {
    const response = unaryCall(client, call.method, call.request as AnyMessage, toGrpcMetadata(call.metadata), call.options, call.counts);
    return oneMessage(() => response);
  },
  server_streaming: (client, call) =>
    serverStreamingCall(client, call.method, call.request as AnyMessage, toGrpcMetadata(call.metadata), call.options, call.counts),
  client_streaming: (client, call) => {
    const response = clientStreamingCall(
      client,
      call.method,
      call.request as AsyncIterable<AnyMessage>,
      toGrpcMetadata(call.metadata),
      call.options,
      call.counts,
    );
    return oneMessage(() => response);
  },
  bidi_streaming: (client, call) =>
    bidiStreamingCall(client, call.method, call.request as AsyncIterable<AnyMessage>, toGrpcMetadata(call.metadata), call.options, call.counts),
};

/** Requests a client-streaming or bidi method accepts. */
export type RequestStream<I extends Message<I>> = readonly MessageInit<I>[] | AsyncIterable<MessageInit<I>> | Iterable<MessageInit<I>>;

/**
 * Base of generated clients: owns one grpc-js channel and runs calls through
 * the interceptors. Generated subclasses add one method per RPC that calls a
 * `$`-prefixed member here (proto names never contain `$`, so no RPC can
 * shadow them).
 */
export class Client {
  readonly #grpc: grpc.Client;
  readonly #target: string;
  // Undefined without interceptors: calls then go straight to grpc-js, with no async generator in between.
  readonly #run?: (call: ClientCall) => AsyncIterable<AnyMessage>;
  #closed = false;

  /** `credentials` default to plaintext. */
  constructor(target: string, credentials: grpc.ChannelCredentials = grpc.credentials.createInsecure(), options: ClientOptions = {}) {
    const client = new grpc.Client(target, credentials, toChannelOptions(options));
    this.#grpc = client;
    this.#target = target;
    const interceptors = options.interceptors ?? [];
    if (interceptors.length) this.#run = chain(interceptors, (call) => STEPS[call.method.kind](client, call));
  }

  /**
   * Resolves once the channel is connected, connecting now if it is idle.
   * Rejects with `RpcError(DEADLINE_EXCEEDED)` when it is not connected by
   * the deadline (default: no limit), with `RpcError(CANCELLED)` when
   * `signal` aborts first. For one call, the `waitForReady` call option
   * does the same.
   */
  waitForReady(options: { timeoutMs?: number; deadline?: Date; signal?: AbortSignal } = {}): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#closed) throw closedError();
      const { signal } = options;
      const onAbort = () => reject(new RpcError(Code.CANCELLED, "waitForReady was cancelled"));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      const target = this.#grpc.getChannel().getTarget();
      this.#grpc.waitForReady(effectiveDeadline(options) ?? Infinity, (error) => {
        signal?.removeEventListener("abort", onAbort);
        if (error) reject(new RpcError(Code.DEADLINE_EXCEEDED, `not connected to ${target} before the deadline`, { cause: error }));
        else resolve();
      });
    });
  }

  /** Closes the channel: calls already under way may finish, calls made afterwards fail with UNAVAILABLE. */
  close(): void {
    this.#closed = true;
    this.#grpc.close();
  }

  protected $unary<I extends Message<I>, O extends Message<O>>(method: MethodDefinition<I, O>, request: MessageInit<I>, options: CallOptions = {}): Promise<O> {
    if (this.#run) return fromCaller(single(this.#start(method, options, false, request)));
    return fromCaller(
      this.#direct(
        (client) => unaryCall(client, method, toMessage(method.I, request), toGrpcMetadata(options.metadata), options) as Promise<O>,
        (error) => Promise.reject(error),
      ),
    );
  }

  protected $serverStreaming<I extends Message<I>, O extends Message<O>>(
    method: MethodDefinition<I, O>,
    request: MessageInit<I>,
    options: CallOptions = {},
  ): AsyncIterable<O> {
    if (this.#run) return startEagerly(this.#start(method, options, false, request));
    return startEagerly(
      this.#direct<AsyncIterable<O>>(
        (client) => serverStreamingCall(client, method, toMessage(method.I, request), toGrpcMetadata(options.metadata), options) as AsyncIterable<O>,
        failed,
      ),
    );
  }

  protected $clientStreaming<I extends Message<I>, O extends Message<O>>(
    method: MethodDefinition<I, O>,
    requests: RequestStream<I>,
    options: CallOptions = {},
  ): Promise<O> {
    if (this.#run) return fromCaller(single(this.#start(method, options, true, requests)));
    return fromCaller(
      this.#direct(
        (client) => clientStreamingCall(client, method, requests as RequestStream<AnyMessage>, toGrpcMetadata(options.metadata), options) as Promise<O>,
        (error) => Promise.reject(error),
      ),
    );
  }

  protected $bidiStreaming<I extends Message<I>, O extends Message<O>>(
    method: MethodDefinition<I, O>,
    requests: RequestStream<I>,
    options: CallOptions = {},
  ): AsyncIterable<O> {
    if (this.#run) return startEagerly(this.#start(method, options, true, requests));
    return startEagerly(
      this.#direct<AsyncIterable<O>>(
        (client) => bidiStreamingCall(client, method, requests as RequestStream<AnyMessage>, toGrpcMetadata(options.metadata), options) as AsyncIterable<O>,
        failed,
      ),
    );
  }

  /** Starts a call without interceptors; bad input (an invalid request, metadata or deadline) fails the call instead of throwing here. */
  #direct<T>(start: (client: grpc.Client) => T, fail: (error: unknown) => T): T {
    try {
      if (this.#closed) throw closedError();
      return start(this.#grpc);
    } catch (error) {
      return fail(error);
    }
  }

  /**
   * Runs a call through the interceptors; bad input (an invalid request or
   * metadata) fails the call instead of throwing here. A plain function, not
   * a generator wrapping the chain: each generator layer costs promises on
   * every read. Every call object is one literal of one shape.
   */
  #start<I extends Message<I>, O extends Message<O>>(
    method: MethodDefinition<I, O>,
    options: CallOptions,
    requestStream: boolean,
    request: MessageInit<I> | RequestStream<I>,
  ): AsyncIterable<O> {
    try {
      if (this.#closed) throw closedError();
      const call = {
        requestStream,
        request: requestStream ? toMessages(method.I, request as RequestStream<I>) : toMessage(method.I, request as MessageInit<I>),
        method,
        metadata: new Metadata(options.metadata),
        options,
        target: this.#target,
        counts: newCounts(),
      } as ClientCall<I, O>;
      return this.#run!(call) as AsyncIterable<O>;
    } catch (error) {
      return failed(error);
    }
  }
}

// grpc-js would throw a plain Error synchronously
function closedError(): RpcError {
  return new RpcError(Code.UNAVAILABLE, "the client was closed");
}
