import type * as grpc from "@grpc/grpc-js";
import type { MessageCounts } from "../message-counts.js";
import { fromGrpcMetadata, toGrpcMetadata } from "../metadata-grpc.js";
import { Metadata, type MetadataInit } from "../metadata.js";
import type { MethodDefinition } from "../definition.js";
import { RpcError } from "../rpc-error.js";
import { Code } from "../status/code.js";
import { statusFromError } from "../status/grpc-status.js";
import type { ServerErrorHook } from "./error-hook.js";

/** What a server handler knows about its call. */
export interface CallContext {
  /** Request metadata. */
  readonly metadata: Metadata;
  /** When the client stops waiting, if it set a deadline. */
  readonly deadline: Date | undefined;
  /** Aborts, with an `RpcError` (CANCELLED or DEADLINE_EXCEEDED) as reason, when the client cancels or time runs out. */
  readonly signal: AbortSignal;
  /** The client's address, e.g. `ipv4:127.0.0.1:54321`. */
  readonly peer: string;
  /** Sends response headers now; at most once, before the first message (otherwise they go with it or with the status). */
  sendHeader(headers?: Metadata | MetadataInit): void;
  /** Adds trailers to whatever status ends the call; keys set again replace earlier values. */
  setTrailer(trailers: Metadata | MetadataInit): void;
}

/** What a server knows of one method, shared by all its calls. */
export interface MethodSite {
  readonly method: MethodDefinition;
  readonly onError: ServerErrorHook;
}

/** What every grpc-js server call object offers. */
type SurfaceCall = Pick<grpc.ServerUnaryCall<unknown, unknown>, "metadata" | "getPeer" | "getDeadline" | "sendMetadata"> & {
  on(event: "cancelled", listener: () => void): unknown;
  removeListener(event: "cancelled", listener: () => void): unknown;
};

/**
 * The status grpc-js itself answered a call with, behind the handler's back
 * (a request over the receive limit): grpc-js then only reports the call as
 * cancelled. Read from the HTTP/2 stream under grpc-js's call, which is
 * internal: `undefined` whenever that shape is not there.
 */
function statusSentByGrpcJs(call: SurfaceCall): { code: number; details: string } | undefined {
  type Sent = Record<string, unknown> | undefined;
  type Layer = { stream?: { sentHeaders?: Sent; sentTrailers?: Sent }; nextCall?: Layer } | undefined;
  // grpc-js-level interceptors (raw channelOptions) wrap the call that owns the stream: walk down to it.
  let layer = (call as { call?: Layer }).call;
  for (let depth = 0; layer && !layer.stream && depth < 32; depth++) layer = layer.nextCall;
  const headers = layer?.stream?.sentTrailers ?? layer?.stream?.sentHeaders;
  const code = headers?.["grpc-status"];
  if (code === undefined) return undefined;
  const message = headers?.["grpc-message"];
  return { code: Number(code), details: typeof message === "string" ? decodeURIComponent(message) : "" };
}

/**
 * A client whose deadline passes cancels the call (RST_STREAM) a moment
 * before the server's copy of the deadline, which the grpc-timeout header
 * delivers late by the transit time; a cancellation this close to the
 * deadline is the deadline.
 */
const DEADLINE_SLACK_MS = 50;

// setTimeout fires at once for delays beyond this (2^31 - 1 ms, about 24.8 days).
const MAX_TIMER_MS = 0x7fffffff;

/**
 * The CallContext of one grpc-js server call; the handler adapters drive its
 * lifecycle. What a handler may never look at (metadata, trailers, the abort
 * signal) is made on first use: most unary handlers touch none of it.
 */
export class ServerCallContext implements CallContext {
  readonly deadline: Date | undefined;
  readonly peer: string;
  /** The call's message counts, kept only for calls that go through interceptors. */
  counts?: MessageCounts;
  #metadata?: Metadata;
  #trailers?: Metadata;
  #headerSent = false;
  #abort?: AbortController;
  #reason?: RpcError;
  readonly #timer?: NodeJS.Timeout;

  constructor(
    private readonly call: SurfaceCall,
    private readonly site: MethodSite,
  ) {
    this.peer = call.getPeer();
    const deadline = call.getDeadline();
    const ms = deadline instanceof Date ? deadline.getTime() : deadline;
    this.deadline = Number.isFinite(ms) ? new Date(ms) : undefined;
    if (this.deadline) {
      const delay = this.deadline.getTime() - Date.now();
      if (delay < MAX_TIMER_MS) this.#timer = setTimeout(() => this.#cancel(Code.DEADLINE_EXCEEDED), Math.max(0, delay));
    }
    call.on("cancelled", this.#onCancelled);
  }

  get metadata(): Metadata {
    return (this.#metadata ??= fromGrpcMetadata(this.call.metadata));
  }

  get signal(): AbortSignal {
    if (!this.#abort) {
      this.#abort = new AbortController();
      if (this.#reason) this.#abort.abort(this.#reason);
    }
    return this.#abort.signal;
  }

  /** Whether the client cancelled or the deadline passed. */
  get cancelled(): boolean {
    return this.#reason !== undefined;
  }

  /** What `setTrailer` gathered, merged into the status. */
  get trailers(): Metadata {
    return (this.#trailers ??= new Metadata());
  }

  /** The trailers as grpc-js metadata; none when the handler set none (grpc-js then makes its own, and copies nothing). */
  grpcTrailers(): grpc.Metadata | undefined {
    return this.#trailers && toGrpcMetadata(this.#trailers);
  }

  sendHeader(headers?: Metadata | MetadataInit): void {
    if (this.#headerSent) throw new Error("sendHeader: headers were already sent (by sendHeader or with the first message)");
    this.#headerSent = true;
    this.call.sendMetadata(toGrpcMetadata(headers));
  }

  setTrailer(trailers: Metadata | MetadataInit): void {
    this.trailers.merge(trailers instanceof Metadata ? trailers : new Metadata(trailers));
  }

  /**
   * The status that ends the call with `error`: an `RpcError` as it is,
   * anything else INTERNAL, reported to the server's error hook first.
   */
  failure(error: unknown): grpc.StatusObject {
    if (!(error instanceof RpcError)) {
      try {
        this.site.onError(error, { method: this.site.method, peer: this.peer });
      } catch {
        // a failing hook must not keep the client waiting for its status
      }
    }
    return statusFromError(error, this.trailers);
  }

  /** Notes that headers went out implicitly (with the first message). */
  markHeaderSent(): void {
    this.#headerSent = true;
  }

  /** Stops the deadline timer and listeners once the call has ended. */
  close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.call.removeListener("cancelled", this.#onCancelled);
  }

  readonly #onCancelled = () => {
    const sent = statusSentByGrpcJs(this.call);
    if (sent?.code === Code.RESOURCE_EXHAUSTED)
      return this.#end(new RpcError(Code.RESOURCE_EXHAUSTED, `request message larger than the server's limit: ${sent.details}`));
    const late = this.deadline !== undefined && Date.now() >= this.deadline.getTime() - DEADLINE_SLACK_MS;
    this.#cancel(late ? Code.DEADLINE_EXCEEDED : Code.CANCELLED);
  };

  #cancel(code: Code.CANCELLED | Code.DEADLINE_EXCEEDED): void {
    this.#end(new RpcError(code, code === Code.CANCELLED ? "call cancelled by the client" : "deadline exceeded"));
  }

  #end(reason: RpcError): void {
    if (this.#reason) return;
    this.#reason = reason;
    this.#abort?.abort(reason);
  }
}
