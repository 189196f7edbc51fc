import * as grpc from "@grpc/grpc-js";
import { effectiveDeadline, type CallOptions } from "../call-options.js";
import { fromGrpcMetadata } from "../metadata-grpc.js";
import type { MethodDefinition } from "../definition.js";
import { RpcError } from "../rpc-error.js";
import { rpcErrorFromStatus } from "../status/grpc-status.js";

const CALL_ENDED = "call ended";

/** What every grpc-js client call object offers. */
type GrpcCall = Pick<grpc.ClientUnaryCall, "cancel" | "on">;

/**
 * grpc-js call options for a call with `options` (its effective deadline);
 * wait-for-ready is set on `metadata`, where grpc-js reads it.
 */
export function grpcCallOptions(options: CallOptions, metadata: grpc.Metadata): grpc.CallOptions {
  if (options.waitForReady) metadata.setOptions({ waitForReady: true });
  const deadline = options.timeoutMs === undefined && options.deadline === undefined && options.context === undefined ? undefined : effectiveDeadline(options);
  return deadline ? { deadline } : {};
}

/**
 * The bookkeeping of one client call: forwards headers to `onHeader`, cancels
 * on the caller's signals, remembers a local failure (a request iterable or a
 * hook that threw) which then wins over the CANCELLED status it causes, and
 * turns the final status into the call's outcome.
 */
export class ClientCallState {
  #failure?: { error: unknown };
  // Created on demand (only request pumps wait on it) and aborted with a given
  // reason: abort() without one builds a DOMException with a stack every call.
  #ended?: AbortController;
  #finished = false;
  // Listeners made only for calls with a signal or a parent context.
  #cancel?: () => void;
  #cancelFromContext?: () => void;

  constructor(
    readonly grpcCall: GrpcCall,
    readonly options: CallOptions,
    private readonly client: grpc.Client,
    private readonly method: MethodDefinition,
  ) {
    if (options.onHeader) {
      grpcCall.on("metadata", (md: grpc.Metadata) => {
        try {
          options.onHeader?.(fromGrpcMetadata(md));
        } catch (error) {
          this.fail(error);
        }
      });
    }
    const { signal, context } = options;
    if (signal?.aborted) grpcCall.cancel();
    else if (signal) signal.addEventListener("abort", (this.#cancel = () => grpcCall.cancel()), { once: true });
    // A parent context ends its nested calls with its own reason (CANCELLED or DEADLINE_EXCEEDED).
    if (context?.signal.aborted) this.fail(context.signal.reason);
    else if (context) context.signal.addEventListener("abort", (this.#cancelFromContext = () => this.fail(context.signal.reason)), { once: true });
  }

  /** Aborted once the status has arrived (or the caller stopped reading). */
  get ended(): AbortSignal {
    if (!this.#ended) {
      this.#ended = new AbortController();
      if (this.#finished) this.#ended.abort(CALL_ENDED);
    }
    return this.#ended.signal;
  }

  /** Cancels the call because of a local error, which becomes the call's error. */
  fail(error: unknown): void {
    this.#failure ??= { error };
    this.grpcCall.cancel();
  }

  /** Cancels the call because its caller stopped reading; nothing is reported. */
  abandon(): void {
    this.#dispose();
    this.grpcCall.cancel();
  }

  /**
   * Ends the call with grpc-js's final status (or, for single-response calls,
   * the error grpc-js derived from it): calls `onTrailer` and returns the
   * error to throw, or undefined when the call succeeded.
   */
  finish(status: grpc.StatusObject, error?: { code: number; details: string; metadata?: grpc.Metadata } | null): { error: unknown } | undefined {
    this.#dispose();
    try {
      this.options.onTrailer?.(fromGrpcMetadata(status.metadata));
    } catch (hookError) {
      this.#failure ??= { error: hookError };
    }
    if (this.#failure) return this.#failure;
    if (error) return { error: locate(rpcErrorFromStatus(error), this.method, this.client) };
    if (status.code !== grpc.status.OK) return { error: locate(rpcErrorFromStatus(status), this.method, this.client) };
    return undefined;
  }

  #dispose(): void {
    this.#finished = true;
    this.#ended?.abort(CALL_ENDED);
    if (this.#cancel) this.options.signal?.removeEventListener("abort", this.#cancel);
    if (this.#cancelFromContext) this.options.context?.signal.removeEventListener("abort", this.#cancelFromContext);
  }
}

/** `error` naming the method and target of the call it ended (an error of the caller's own is left alone). */
export function locate<E>(error: E, method: MethodDefinition, client: grpc.Client): E {
  if (error instanceof RpcError && error.method === undefined) Object.assign(error, { method: method.path, target: client.getChannel().getTarget() });
  return error;
}
