import type { Context, MeterProvider, TextMapGetter, TextMapPropagator, TextMapSetter, TracerProvider } from "@opentelemetry/api";
import { context as otelContext, propagation } from "@opentelemetry/api";
import type { CallContext } from "../grpc/server/context.js";
import { Metadata } from "../grpc/metadata.js";

/** The name the tracer and meter are obtained under. */
export const INSTRUMENTATION_NAME = "@tsgrpc/runtime";

/** Options of `clientTelemetry` and `serverTelemetry`. */
export interface TelemetryOptions {
  /** Where spans go; default: the globally registered provider. */
  tracerProvider?: TracerProvider;
  /** Where metrics go; default: the global meter provider at the first call. */
  meterProvider?: MeterProvider;
  /** How trace context travels in metadata; default: the globally registered propagator (W3C `traceparent`/`tracestate` with the SDK's defaults). */
  propagator?: TextMapPropagator;
  /** Create spans (default true). */
  traces?: boolean;
  /** Record gRPC A66 metrics (default true). */
  metrics?: boolean;
  /** Add an `rpc.message` event to the span for every message sent and received (default false: streams can carry many). */
  messageEvents?: boolean;
}

/** Carrier access for propagators: our Metadata, text keys only. */
export const metadataGetter: TextMapGetter<Metadata> = {
  keys: (carrier) => [...carrier.keys()],
  get: (carrier, key) => {
    const value = carrier.get(key);
    return typeof value === "string" ? value : undefined;
  },
};

export const metadataSetter: TextMapSetter<Metadata> = {
  set: (carrier, key, value) => {
    // A value metadata cannot carry (non-ASCII baggage) is left out rather than failing the call.
    try {
      carrier.set(key, value);
    } catch {
      // not propagated
    }
  },
};

export function propagatorOf(options: TelemetryOptions): Pick<TextMapPropagator, "inject" | "extract"> {
  return options.propagator ?? propagation;
}

// The OpenTelemetry context of each server call (its span), for the calls its handler makes.
const callContexts = new WeakMap<CallContext, Context>();

export function setTraceContext(call: CallContext, ctx: Context): void {
  callContexts.set(call, ctx);
}

/**
 * The OpenTelemetry context of a handler's call (holding the server span
 * `serverTelemetry` started), or the active context when the call is not
 * traced. Client calls given `{ context }` use it as their parent by
 * themselves; use it to start spans of your own under the call:
 * `tracer.startSpan("work", {}, traceContextOf(context))`.
 */
export function traceContextOf(call: CallContext | undefined): Context {
  return (call && callContexts.get(call)) ?? otelContext.active();
}
