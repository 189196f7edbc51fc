import * as grpc from "@grpc/grpc-js";
import type { AnyMessage, Message } from "../../message.js";
import type { CallOptions } from "../call-options.js";
import { toMessage, type MessageInit, type MethodDefinition, type MethodKind } from "../definition.js";
import { chain, type CallRequest, type ClientCall } from "../interceptors.js";
import { single, toMessages } from "../iterables.js";
import { Metadata } from "../metadata.js";
import { RpcError } from "../rpc-error.js";
import { Code } from "../status/code.js";
import { bidiStreamingCall } from "./bidi-streaming.js";
import { clientStreamingCall } from "./client-streaming.js";
import { toChannelOptions, type ClientOptions } from "./client-options.js";
import { startEagerly } from "./eager.js";
import { serverStreamingCall } from "./server-streaming.js";
import { unaryCall } from "./unary.js";

const CALLS: Record<MethodKind, (client: grpc.Client, call: ClientCall) => AsyncIterable<AnyMessage>> = {
  unary: unaryCall,
  server_streaming: serverStreamingCall,
  client_streaming: clientStreamingCall,
  bidi_streaming: bidiStreamingCall,
};

/** Requests a client-streaming or bidi method accepts. */
export type RequestStream<I extends Message<I>> = AsyncIterable<MessageInit<I>> | Iterable<MessageInit<I>>;

/**
 * Base of generated clients: owns one grpc-js channel and runs calls through
 * the interceptors. Generated subclasses add one method per RPC that calls a
 * `$`-prefixed member here (proto names never contain `$`, so no RPC can
 * shadow them).
 */
export class Client {
  readonly #grpc: grpc.Client;
  readonly #run: (call: ClientCall) => AsyncIterable<AnyMessage>;
  #closed = false;

  /** `credentials` default to plaintext. */
  constructor(target: string, credentials: grpc.ChannelCredentials = grpc.credentials.createInsecure(), options: ClientOptions = {}) {
    const client = new grpc.Client(target, credentials, toChannelOptions(options));
    this.#grpc = client;
    this.#run = chain(options.interceptors ?? [], (call) => CALLS[call.method.kind](client, call));
  }

  /** Closes the channel: calls already under way may finish, calls made afterwards fail with UNAVAILABLE. */
  close(): void {
    this.#closed = true;
    this.#grpc.close();
  }

  protected $unary<I extends Message<I>, O extends Message<O>>(method: MethodDefinition<I, O>, request: MessageInit<I>, options: CallOptions = {}): Promise<O> {
    return single(this.#start(method, options, () => ({ requestStream: false, request: toMessage(method.I, request) })));
  }

  protected $serverStreaming<I extends Message<I>, O extends Message<O>>(method: MethodDefinition<I, O>, request: MessageInit<I>, options: CallOptions = {}): AsyncIterable<O> {
    return startEagerly(this.#start(method, options, () => ({ requestStream: false, request: toMessage(method.I, request) })));
  }

  protected $clientStreaming<I extends Message<I>, O extends Message<O>>(method: MethodDefinition<I, O>, requests: RequestStream<I>, options: CallOptions = {}): Promise<O> {
    return single(this.#start(method, options, () => ({ requestStream: true, request: toMessages(method.I, requests) })));
  }

  protected $bidiStreaming<I extends Message<I>, O extends Message<O>>(method: MethodDefinition<I, O>, requests: RequestStream<I>, options: CallOptions = {}): AsyncIterable<O> {
    return startEagerly(this.#start(method, options, () => ({ requestStream: true, request: toMessages(method.I, requests) })));
  }

  /** Runs a call; bad input (an invalid request or metadata) fails the call instead of throwing here. */
  async *#start<I extends Message<I>, O extends Message<O>>(method: MethodDefinition<I, O>, options: CallOptions, request: () => CallRequest<I>): AsyncGenerator<O> {
    // grpc-js would throw a plain Error synchronously
    if (this.#closed) throw new RpcError(Code.UNAVAILABLE, "the client was closed");
    const call = { ...request(), method, metadata: new Metadata(options.metadata), options } as ClientCall<I, O>;
    yield* this.#run(call as unknown as ClientCall) as AsyncIterable<O>;
  }
}
