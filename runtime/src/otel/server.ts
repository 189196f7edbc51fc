import { context as otelContext, ROOT_CONTEXT, SpanKind, trace, type Attributes, type Context, type Span } from "@opentelemetry/api";
import type { Message } from "../message.js";
import type { MethodDefinition } from "../grpc/definition.js";
import type { ServerCall, ServerInterceptor } from "../grpc/interceptors.js";
import { failed } from "../grpc/iterables.js";
import type { MessageCounts } from "../grpc/message-counts.js";
import type { RpcError } from "../grpc/rpc-error.js";
import type { CallContext } from "../grpc/server/context.js";
import { Code } from "../grpc/status/code.js";
import { lazyInstruments, serverInstruments, type ServerInstruments } from "./instruments.js";
import { INSTRUMENTATION_NAME, metadataGetter, propagatorOf, setTraceContext, type TelemetryOptions } from "./instrumentation.js";
import { MessageEvents } from "./message-events.js";
import { MethodAttributes } from "./method-attributes.js";
import { CallTelemetry, type CallRecord } from "./call-telemetry.js";
import { advance, type Ending } from "./observed-stream.js";
import { hostAndPort } from "./rpc-names.js";
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

  return function telemetry(call, next) {
    const start = performance.now();
    const attributes = attributesOf(call.method);
    const { context } = call;
    let span: Span | undefined;
    let events: MessageEvents | undefined;
    let ctx = otelContext.active();
    if (tracer) {
      const parent = propagator.extract(ROOT_CONTEXT, context.metadata, metadataGetter);
      span = tracer.startSpan(attributes.spanName, { kind: SpanKind.SERVER, attributes: attributes.spanFrom(context.peer, spanAttributes) }, parent);
      ctx = trace.setSpan(parent, span);
      setTraceContext(context, ctx);
      if (messageEvents) {
        events = new MessageEvents(span);
        call = withEvents(call, events);
      }
    }
    const metrics = instruments?.();
    metrics?.callStarted.add(1, attributes.started);
    let responses: AsyncIterable<Message>;
    try {
      // Calling `next` starts no handler: the handler runs when its responses are first read, with `ctx` active.
      responses = next(call);
    } catch (error) {
      responses = failed(error);
    }
    return new ServerResponses(responses, { start, counts: call.counts, attributes, span, events, metrics }, ctx, context);
  } as ServerInterceptor;
}

/**
 * A server call's responses: each step of the handler runs with the span's
 * context active; the call's span and metrics end with them.
 */
class ServerResponses<T> extends CallTelemetry<T, ServerInstruments> {
  constructor(
    responses: AsyncIterable<T>,
    call: CallRecord<ServerInstruments>,
    private readonly ctx: Context,
    private readonly context: CallContext,
  ) {
    super(responses, call);
  }

  protected override resume(inner: AsyncIterator<T>, thrown?: { error: unknown }): Promise<IteratorResult<T>> {
    return otelContext.with(this.ctx, advance<T>, undefined, inner, thrown);
  }

  protected message(): void {
    this.call.events?.sent();
  }

  protected outcome(ending: Ending, error: unknown): Outcome {
    const { context } = this;
    // The client cancelled or its deadline passed: that is the status, whatever the handler did next.
    if (wasCancelled(context)) return outcomeOf(context.signal.reason as RpcError, Code.CANCELLED);
    if (ending === "completed") return { code: Code.OK };
    // What the server sends for an error: its own status for an RpcError, INTERNAL for anything else.
    if (ending === "failed") return outcomeOf(error, Code.INTERNAL);
    return { code: Code.CANCELLED };
  }

  protected isError(code: Code): boolean {
    return isServerError(code);
  }

  protected record(metrics: ServerInstruments, seconds: number, attributes: Attributes, counts: MessageCounts): void {
    metrics.callDuration.record(seconds, attributes);
    metrics.callSent.record(counts.sentBytes, attributes);
    metrics.callReceived.record(counts.receivedBytes, attributes);
  }
}

const methods = new WeakMap<MethodDefinition, MethodAttributes>();

function attributesOf(method: MethodDefinition): MethodAttributes {
  let attributes = methods.get(method);
  if (!attributes) methods.set(method, (attributes = new MethodAttributes(method, {}, {})));
  return attributes;
}

/** Whether the client cancelled or the deadline passed; asks the runtime's own context first, whose `signal` is made only when someone reads it. */
function wasCancelled(context: CallContext): boolean {
  const own = (context as { cancelled?: unknown }).cancelled;
  return typeof own === "boolean" ? own : context.signal.aborted;
}

/**
 * The server span's attributes for calls of `method` from `peer` (such as
 * `ipv4:127.0.0.1:54321` or `[::1]:54321`), as one object literal (spreading
 * the method's attributes and the peer's into one costs microseconds), made
 * once per method and peer.
 */
function spanAttributes(method: MethodAttributes, peer: string): Attributes {
  const { host, port } = hostAndPort(peer);
  return port === undefined
    ? { "rpc.system": "grpc", "rpc.service": method.service, "rpc.method": method.method, "network.peer.address": host }
    : { "rpc.system": "grpc", "rpc.service": method.service, "rpc.method": method.method, "network.peer.address": host, "network.peer.port": port };
}

/** `call` with an event for each request as it is read. */
function withEvents<I extends Message<I>, O extends Message<O>>(call: ServerCall<I, O>, events: MessageEvents): ServerCall<I, O> {
  if (!call.requestStream) {
    events.received();
    return call;
  }
  return { ...call, request: events.tap(call.request, () => events.received()) };
}
