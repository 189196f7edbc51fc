import type { Metadata, MetadataInit } from "./metadata.js";
import type { CallContext } from "./server/context.js";

/** Per-call options of every client method. */
export interface CallOptions {
  /** Time the call may take, in milliseconds from the moment it starts. */
  timeoutMs?: number;
  /** Absolute deadline; with `timeoutMs` too, the earlier one applies. */
  deadline?: Date;
  /** Request metadata (ASCII values, or `Uint8Array` for `-bin` keys). */
  metadata?: Metadata | MetadataInit;
  /** Aborting cancels the call; it then rejects with `RpcError(CANCELLED)`. */
  signal?: AbortSignal;
  /** Called once with the response headers, before the first message (not called for a trailers-only response). */
  onHeader?(headers: Metadata): void;
  /** Called once with the trailers, OK or error, before the call settles or its stream ends. */
  onTrailer?(trailers: Metadata): void;
  /**
   * Wait for the channel to connect instead of failing at once with
   * UNAVAILABLE while it cannot (the server not up yet, a reconnect under
   * way); the deadline still applies. gRPC's wait-for-ready semantics.
   */
  waitForReady?: boolean;
  /** A server handler's context: the call inherits its deadline and is cancelled with it. */
  context?: CallContext;
}

/** The effective deadline of a call: the earliest of `timeoutMs`, `deadline` and the parent context's. */
export function effectiveDeadline(options: CallOptions): Date | undefined {
  const { timeoutMs, deadline, context } = options;
  const candidates: number[] = [];
  if (timeoutMs !== undefined) {
    if (typeof timeoutMs !== "number" || Number.isNaN(timeoutMs) || timeoutMs < 0) {
      throw new RangeError(`timeoutMs must be a non-negative number, got ${String(timeoutMs)}`);
    }
    candidates.push(Date.now() + timeoutMs);
  }
  if (deadline !== undefined) {
    if (!(deadline instanceof Date) || Number.isNaN(deadline.getTime())) {
      throw new RangeError(`deadline must be a valid Date, got ${String(deadline)}`);
    }
    candidates.push(deadline.getTime());
  }
  if (context?.deadline) candidates.push(context.deadline.getTime());
  return candidates.length ? new Date(Math.min(...candidates)) : undefined;
}
