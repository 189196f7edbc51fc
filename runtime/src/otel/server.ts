import { context as otelContext, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import type { Message } from "../message.js";
import type { ServerCall, ServerInterceptor } from "../grpc/interceptors.js";
import type { CallContext } from "../grpc/server/context.js";
import { RpcError } from "../grpc/rpc-error.js";
import { Code } from "../grpc/status/code.js";
import { lazyInstruments, serverInstruments } from "./instruments.js";
import { INSTRUMENTATION_NAME, metadataGetter, propagatorOf, setTraceContext, type TelemetryOptions } from "./instrumentation.js";
import { MessageEvents } from "./message-events.js";
import { hostAndPort, rpcNames, statusName } from "./rpc-names.js";
import { isServerError, outcomeOf, type Outcome } from "./status.js";

/**
 * A server interceptor that traces every call (one SERVER span following
 * OpenTelemetry's RPC semantic conventions, the child of the client's span
 * when the request metadata carries its trace context) and records gRPC
 * A66's server metrics. Put it first in `interceptors`. The handler runs with
 * the span's context active (when a context manager is registered) and its
 * `context` carries it (`traceContextOf(context)`), so calls the handler
 * makes with `{ context }` are children of this span either way.
 */
export function serverTelemetry(options: TelemetryOptions = {}): ServerInterceptor {
  const tracer = options.traces === false ? undefined : (options.tracerProvider ?? trace.getTracerProvider()).getTracer(INSTRUMENTATION_NAME);
  const instruments = options.metrics === false ? undefined : lazyInstruments(options.meterProvider, serverInstruments);
  const propagator = propagatorOf(options);
  const messageEvents = options.messageEvents === true;

  return async function* telemetry(call, next) {
    const start = performance.now();
    const names = rpcNames(call.method);
    const { context } = call;
    let span: Span | undefined;
    let events: MessageEvents | undefined;
    let ctx = otelContext.active();
    if (tracer) {
      const parent = propagator.extract(ROOT_CONTEXT, context.metadata, metadataGetter);
      span = tracer.startSpan(
        names.fullMethod,
        {
          kind: SpanKind.SERVER,
          attributes: { "rpc.system": "grpc", "rpc.service": names.service, "rpc.method": names.method, ...peerAttributes(context.peer) },
        },
        parent,
      );
      ctx = trace.setSpan(parent, span);
      setTraceContext(context, ctx);
      if (messageEvents) {
        events = new MessageEvents(span);
        call = withEvents(call, events);
      }
    }
    const metrics = instruments?.();
    metrics?.callStarted.add(1, { "grpc.method": names.fullMethod });
    let outcome: Outcome | undefined;
    // Iterated by hand so that each step of the handler runs with the span's context active.
    const it = next(call)[Symbol.asyncIterator]();
    let finished = false;
    try {
      for (;;) {
        const r = await otelContext.with(ctx, () => it.next());
        if (r.done) break;
        events?.sent();
        yield r.value;
      }
      finished = true;
      outcome = { code: Code.OK };
    } catch (error) {
      finished = true;
      // What the server sends for the error: its own status for an RpcError, INTERNAL for anything else.
      outcome = outcomeOf(error, Code.INTERNAL);
      throw error;
    } finally {
      if (!finished) void it.return?.().catch(() => undefined);
      // The client cancelled or its deadline passed: that is the status, whatever the handler did next.
      if (wasCancelled(context)) outcome = outcomeOf(context.signal.reason as RpcError, Code.CANCELLED);
      outcome ??= { code: Code.CANCELLED };
      if (span) {
        span.setAttribute("rpc.grpc.status_code", outcome.code);
        if (isServerError(outcome.code)) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.message ?? "" });
        span.end();
      }
      if (metrics) {
        const attributes = { "grpc.method": names.fullMethod, "grpc.status": statusName(outcome.code) };
        metrics.callDuration.record((performance.now() - start) / 1000, attributes);
        metrics.callSent.record(call.counts.sentBytes, attributes);
        metrics.callReceived.record(call.counts.receivedBytes, attributes);
      }
    }
  } as ServerInterceptor;
}

/** Whether the client cancelled or the deadline passed; asks the runtime's own context first, whose `signal` is made only when someone reads it. */
function wasCancelled(context: CallContext): boolean {
  const own = (context as { cancelled?: unknown }).cancelled;
  return typeof own === "boolean" ? own : context.signal.aborted;
}

// A connection's calls share its peer: parse each peer once (the cache is emptied when it grows large).
const peers = new Map<string, Attributes>();
const MAX_PEERS = 1024;

/** `network.peer.*` of a peer such as `ipv4:127.0.0.1:54321` or `[::1]:54321`. */
function peerAttributes(peer: string): Attributes {
  let attributes = peers.get(peer);
  if (!attributes) {
    const { host, port } = hostAndPort(peer);
    attributes = port === undefined ? { "network.peer.address": host } : { "network.peer.address": host, "network.peer.port": port };
    if (peers.size >= MAX_PEERS) peers.clear();
    peers.set(peer, attributes);
  }
  return attributes;
}

/** `call` with an event for each request as it is read. */
function withEvents<I extends Message<I>, O extends Message<O>>(call: ServerCall<I, O>, events: MessageEvents): ServerCall<I, O> {
  if (!call.requestStream) {
    events.received();
    return call;
  }
  return { ...call, request: events.tap(call.request, () => events.received()) };
}
