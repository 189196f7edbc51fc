import { SpanKind, trace, type Attributes, type Span } from "@opentelemetry/api";
import type { Message } from "../message.js";
import type { MethodDefinition } from "../grpc/definition.js";
import type { ClientCall, ClientInterceptor } from "../grpc/interceptors.js";
import { failed } from "../grpc/iterables.js";
import type { MessageCounts } from "../grpc/message-counts.js";
import { Code } from "../grpc/status/code.js";
import { clientInstruments, lazyInstruments, type ClientInstruments } from "./instruments.js";
import { INSTRUMENTATION_NAME, metadataSetter, propagatorOf, traceContextOf, type TelemetryOptions } from "./instrumentation.js";
import { MessageEvents } from "./message-events.js";
import { MethodAttributes } from "./method-attributes.js";
import { CallTelemetry } from "./call-telemetry.js";
import type { Ending } from "./observed-stream.js";
import { canonicalTarget, hostAndPort } from "./rpc-names.js";
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
  // Per target, per method: what its calls are reported under.
  const targets = new Map<string, WeakMap<MethodDefinition, MethodAttributes>>();
  const attributesOf = (target: string, method: MethodDefinition) => {
    let methods = targets.get(target);
    if (!methods) targets.set(target, (methods = new WeakMap()));
    let attributes = methods.get(method);
    if (!attributes) methods.set(method, (attributes = new MethodAttributes(method, serverAddress(target), { "grpc.target": canonicalTarget(target) })));
    return attributes;
  };

  return function telemetry(call, next) {
    const start = performance.now();
    const attributes = attributesOf(call.target, call.method);
    let span: Span | undefined;
    let events: MessageEvents | undefined;
    if (tracer) {
      const parent = traceContextOf(call.options.context);
      span = tracer.startSpan(attributes.spanName, { kind: SpanKind.CLIENT, attributes: attributes.span }, parent);
      propagator.inject(trace.setSpan(parent, span), call.metadata, metadataSetter);
      if (messageEvents) {
        events = new MessageEvents(span);
        call = withEvents(call, events);
      }
    }
    const metrics = instruments?.();
    metrics?.attemptStarted.add(1, attributes.started);
    let responses: AsyncIterable<Message>;
    try {
      responses = next(call);
    } catch (error) {
      responses = failed(error);
    }
    return new ClientResponses(responses, { start, counts: call.counts, attributes, span, events, metrics });
  } as ClientInterceptor;
}

/** A client call's responses; the call's span and metrics end with them. */
class ClientResponses<T> extends CallTelemetry<T, ClientInstruments> {
  protected message(): void {
    this.call.events?.received();
  }

  protected outcome(ending: Ending, error: unknown): Outcome {
    if (ending === "completed") return { code: Code.OK };
    if (ending === "failed") return outcomeOf(error, Code.UNKNOWN);
    // the caller stopped reading, which cancels the call
    return { code: Code.CANCELLED, message: "the caller stopped reading the responses" };
  }

  protected isError(code: Code): boolean {
    return code !== Code.OK;
  }

  protected record(metrics: ClientInstruments, seconds: number, attributes: Attributes, counts: MessageCounts): void {
    // Retries inside grpc-js are not visible here: each call is reported as one attempt.
    metrics.attemptDuration.record(seconds, attributes);
    metrics.attemptSent.record(counts.sentBytes, attributes);
    metrics.attemptReceived.record(counts.receivedBytes, attributes);
    metrics.callDuration.record(seconds, attributes);
  }
}

/** `server.address` and `server.port` of a client's target. */
function serverAddress(target: string): Attributes {
  const { host, port } = hostAndPort(target);
  return port === undefined ? { "server.address": host } : { "server.address": host, "server.port": port };
}

/** `call` with an event for each request as it is sent. */
function withEvents<I extends Message<I>, O extends Message<O>>(call: ClientCall<I, O>, events: MessageEvents): ClientCall<I, O> {
  if (!call.requestStream) {
    events.sent();
    return call;
  }
  return { ...call, request: events.tap(call.request, () => events.sent()) };
}
