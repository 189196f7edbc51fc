import { SpanKind, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import type { Message } from "../message.js";
import type { ClientCall, ClientInterceptor } from "../grpc/interceptors.js";
import { Code } from "../grpc/status/code.js";
import { clientInstruments, lazyInstruments } from "./instruments.js";
import { INSTRUMENTATION_NAME, metadataSetter, propagatorOf, traceContextOf, type TelemetryOptions } from "./instrumentation.js";
import { MessageEvents } from "./message-events.js";
import { canonicalTarget, hostAndPort, rpcNames, statusName } from "./rpc-names.js";
import { outcomeOf, type Outcome } from "./status.js";

/**
 * A client interceptor that traces every call (one CLIENT span following
 * OpenTelemetry's RPC semantic conventions, its context injected into the
 * request metadata) and records gRPC A66's client metrics. Put it first in
 * `interceptors` so it sees the whole call. A call made with
 * `{ context }` from a traced handler is a child of that handler's span;
 * otherwise the active context is the parent.
 */
export function clientTelemetry(options: TelemetryOptions = {}): ClientInterceptor {
  const tracer = options.traces === false ? undefined : (options.tracerProvider ?? trace.getTracerProvider()).getTracer(INSTRUMENTATION_NAME);
  const instruments = options.metrics === false ? undefined : lazyInstruments(options.meterProvider, clientInstruments);
  const propagator = propagatorOf(options);
  const messageEvents = options.messageEvents === true;
  // Per target: its server.address / server.port attributes and A66 name.
  const targets = new Map<string, { address: Attributes; canonical: string }>();
  const targetOf = (target: string) => {
    let t = targets.get(target);
    if (!t) {
      const { host, port } = hostAndPort(target);
      targets.set(
        target,
        (t = {
          address: port === undefined ? { "server.address": host } : { "server.address": host, "server.port": port },
          canonical: canonicalTarget(target),
        }),
      );
    }
    return t;
  };

  return async function* telemetry(call, next) {
    const start = performance.now();
    const names = rpcNames(call.method);
    const target = targetOf(call.target);
    let span: Span | undefined;
    let events: MessageEvents | undefined;
    if (tracer) {
      const parent = traceContextOf(call.options.context);
      span = tracer.startSpan(
        names.fullMethod,
        { kind: SpanKind.CLIENT, attributes: { "rpc.system": "grpc", "rpc.service": names.service, "rpc.method": names.method, ...target.address } },
        parent,
      );
      propagator.inject(trace.setSpan(parent, span), call.metadata, metadataSetter);
      if (messageEvents) {
        events = new MessageEvents(span);
        call = withEvents(call, events);
      }
    }
    const metrics = instruments?.();
    metrics?.attemptStarted.add(1, { "grpc.method": names.fullMethod, "grpc.target": target.canonical });
    let outcome: Outcome | undefined;
    try {
      for await (const response of next(call)) {
        events?.received();
        yield response;
      }
      outcome = { code: Code.OK };
    } catch (error) {
      outcome = outcomeOf(error, Code.UNKNOWN);
      throw error;
    } finally {
      // No outcome: the caller stopped reading, which cancels the call.
      outcome ??= { code: Code.CANCELLED, message: "the caller stopped reading the responses" };
      if (span) {
        span.setAttribute("rpc.grpc.status_code", outcome.code);
        if (outcome.code !== Code.OK) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.message ?? "" });
        span.end();
      }
      if (metrics) {
        const seconds = (performance.now() - start) / 1000;
        const attributes = { "grpc.method": names.fullMethod, "grpc.target": target.canonical, "grpc.status": statusName(outcome.code) };
        // Retries inside grpc-js are not visible here: each call is reported as one attempt.
        metrics.attemptDuration.record(seconds, attributes);
        metrics.attemptSent.record(call.counts.sentBytes, attributes);
        metrics.attemptReceived.record(call.counts.receivedBytes, attributes);
        metrics.callDuration.record(seconds, attributes);
      }
    }
  } as ClientInterceptor;
}

/** `call` with an event for each request as it is sent. */
function withEvents<I extends Message<I>, O extends Message<O>>(call: ClientCall<I, O>, events: MessageEvents): ClientCall<I, O> {
  if (!call.requestStream) {
    events.sent();
    return call;
  }
  return { ...call, request: events.tap(call.request, () => events.sent()) };
}
