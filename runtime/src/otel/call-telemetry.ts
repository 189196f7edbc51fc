import { SpanStatusCode, type Attributes, type Span } from "@opentelemetry/api";
import type { MessageCounts } from "../grpc/message-counts.js";
import type { Code } from "../grpc/status/code.js";
import type { MessageEvents } from "./message-events.js";
import type { MethodAttributes } from "./method-attributes.js";
import { ObservedStream, type Ending } from "./observed-stream.js";
import type { Outcome } from "./status.js";

/** What one call's telemetry holds from its start to its end. */
export interface CallRecord<M> {
  /** `performance.now()` at the start. */
  readonly start: number;
  readonly counts: MessageCounts;
  readonly attributes: MethodAttributes;
  readonly span: Span | undefined;
  readonly events: MessageEvents | undefined;
  /** The side's A66 instruments. */
  readonly metrics: M | undefined;
}

/**
 * One call's responses on their way through a telemetry interceptor, which
 * ends the call's span and records its metrics when the call ends; the
 * client and server subclasses say what the ending means for their side.
 */
export abstract class CallTelemetry<T, M> extends ObservedStream<T> {
  constructor(
    responses: AsyncIterable<T>,
    protected readonly call: CallRecord<M>,
  ) {
    super(responses);
  }

  /** The status this side reports for `ending`. */
  protected abstract outcome(ending: Ending, error: unknown): Outcome;

  /** Whether the span is an error (the semantic conventions differ per side). */
  protected abstract isError(code: Code): boolean;

  /** Records the side's end-of-call metrics. */
  protected abstract record(metrics: M, seconds: number, attributes: Attributes, counts: MessageCounts): void;

  protected end(ending: Ending, error?: unknown): void {
    const outcome = this.outcome(ending, error);
    const { span, metrics } = this.call;
    if (span) {
      span.setAttribute("rpc.grpc.status_code", outcome.code);
      if (this.isError(outcome.code)) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.message ?? "" });
      span.end();
    }
    if (metrics) this.record(metrics, (performance.now() - this.call.start) / 1000, this.call.attributes.ended(outcome.code), this.call.counts);
  }
}
