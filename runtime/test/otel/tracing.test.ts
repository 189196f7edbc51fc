/**
 * Tracing interceptors: one CLIENT and one SERVER span per call, named and
 * attributed by OpenTelemetry's RPC semantic conventions, the server span the
 * child of the client span across the wire (W3C traceparent in metadata),
 * and calls a handler makes children of its span.
 */
import { context as otelContext, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { Code, ErrorInfo, RpcError } from "@tsgrpc/runtime/grpc";
import { clientTelemetry, serverTelemetry, traceContextOf } from "@tsgrpc/runtime/otel";
import { testServer, type TestServer } from "@tsgrpc/runtime/testing";
import { EchoService, EchoServiceClient, type EchoServiceImplementation } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { aborted, collect, echoBehaviour, rejection, sleep } from "../grpc/helpers.js";
import { only, spansEnded, telemetrySdk } from "./fixture.js";

const sdk = telemetrySdk();
let t: TestServer;
let client: EchoServiceClient;
/** What the echo handler does besides echoing; set per test. */
let onEcho: (text: string, context: Parameters<EchoServiceImplementation["echo"]>[1]) => Promise<void> = async () => {};

const implementation: Partial<EchoServiceImplementation> = {
  ...echoBehaviour,
  async echo(request, context) {
    await onEcho(request.text, context);
    if (request.text === "not found") throw new RpcError(Code.NOT_FOUND, "no such echo", { details: [new ErrorInfo({ reason: "GONE", domain: "test" })] });
    if (request.text === "crash") throw new Error("secret internals");
    return { text: request.text };
  },
  async *expand(request, context) {
    for (let i = 0; i < request.count; i++) yield { text: `${i}` };
    if (request.text === "wait") await aborted(context.signal);
  },
};

beforeAll(async () => {
  // onError: the "crash" test's error is expected, not worth a log entry
  t = await testServer(EchoService, implementation, {
    server: { interceptors: [serverTelemetry(sdk.options)], onError: () => undefined },
    client: { interceptors: [clientTelemetry(sdk.options)] },
  });
  client = t.client(EchoServiceClient);
});
afterAll(() => t.close());
beforeEach(() => {
  sdk.reset();
  onEcho = async () => {};
});

it("unary: a CLIENT span and its child SERVER span, with the RPC semantic-convention attributes", async () => {
  await client.echo({ text: "hi" });
  const spans = await spansEnded(sdk.spans, 2);
  const c = only(spans, SpanKind.CLIENT);
  const s = only(spans, SpanKind.SERVER);
  expect(c.attributes).toEqual({
    "rpc.system": "grpc",
    "rpc.service": "rpc.v1.EchoService",
    "rpc.method": "Echo",
    "server.address": "127.0.0.1",
    "server.port": t.port,
    "rpc.grpc.status_code": 0,
  });
  expect(s.attributes).toMatchObject({
    "rpc.system": "grpc",
    "rpc.service": "rpc.v1.EchoService",
    "rpc.method": "Echo",
    "rpc.grpc.status_code": 0,
    "network.peer.address": "127.0.0.1",
  });
  expect(s.attributes["network.peer.port"]).toEqual(expect.any(Number));
  expect(s.spanContext().traceId).toBe(c.spanContext().traceId);
  expect(s.parentSpanContext?.spanId).toBe(c.spanContext().spanId);
  expect(c.status.code).toBe(SpanStatusCode.UNSET);
  expect(s.status.code).toBe(SpanStatusCode.UNSET);
});

it.each([
  ["server streaming", "Expand", () => collect(client.expand({ count: 3 }))],
  ["client streaming", "Collect", () => client.collect([{ text: "a" }, { text: "b" }])],
  ["bidi streaming", "Chat", () => collect(client.chat([{ text: "a" }, { text: "b" }]))],
])("%s: one span per side for the whole stream, OK", async (_, method, call) => {
  await call();
  const spans = await spansEnded(sdk.spans, 2);
  const c = only(spans, SpanKind.CLIENT, `rpc.v1.EchoService/${method}`);
  const s = only(spans, SpanKind.SERVER, `rpc.v1.EchoService/${method}`);
  expect(s.parentSpanContext?.spanId).toBe(c.spanContext().spanId);
  expect([c.attributes["rpc.grpc.status_code"], s.attributes["rpc.grpc.status_code"]]).toEqual([0, 0]);
});

it("an error with details: both spans carry the code, the client span is an error, the server span is not (NOT_FOUND is the caller's problem), details still arrive", async () => {
  const error = await rejection(client.echo({ text: "not found" }));
  expect(error.findDetails(ErrorInfo)[0].reason).toBe("GONE");
  const spans = await spansEnded(sdk.spans, 2);
  const c = only(spans, SpanKind.CLIENT);
  const s = only(spans, SpanKind.SERVER);
  expect(c.attributes["rpc.grpc.status_code"]).toBe(Code.NOT_FOUND);
  expect(c.status).toEqual({ code: SpanStatusCode.ERROR, message: "no such echo" });
  expect(s.attributes["rpc.grpc.status_code"]).toBe(Code.NOT_FOUND);
  expect(s.status.code).toBe(SpanStatusCode.UNSET);
});

it("a handler that throws a plain error: INTERNAL, an error on both sides", async () => {
  await rejection(client.echo({ text: "crash" }));
  const spans = await spansEnded(sdk.spans, 2);
  const s = only(spans, SpanKind.SERVER);
  expect(s.attributes["rpc.grpc.status_code"]).toBe(Code.INTERNAL);
  expect(s.status).toEqual({ code: SpanStatusCode.ERROR, message: "secret internals" });
  expect(only(spans, SpanKind.CLIENT).attributes["rpc.grpc.status_code"]).toBe(Code.INTERNAL);
});

it("cancelled by the client: CANCELLED on both sides", async () => {
  const controller = new AbortController();
  let started!: () => void;
  const handlerStarted = new Promise<void>((resolve) => (started = resolve));
  onEcho = async (_, context) => {
    started();
    await aborted(context.signal);
  };
  const call = client.echo({ text: "x" }, { signal: controller.signal });
  await handlerStarted;
  controller.abort();
  expect((await rejection(call)).code).toBe(Code.CANCELLED);
  const spans = await spansEnded(sdk.spans, 2);
  expect(only(spans, SpanKind.CLIENT).attributes["rpc.grpc.status_code"]).toBe(Code.CANCELLED);
  expect(only(spans, SpanKind.SERVER).attributes["rpc.grpc.status_code"]).toBe(Code.CANCELLED);
});

it("a caller that stops reading a stream cancels it: CANCELLED on both sides", async () => {
  for await (const _ of client.expand({ count: 1, text: "wait" })) break;
  const spans = await spansEnded(sdk.spans, 2);
  expect(only(spans, SpanKind.CLIENT, "rpc.v1.EchoService/Expand").attributes["rpc.grpc.status_code"]).toBe(Code.CANCELLED);
  expect(only(spans, SpanKind.SERVER, "rpc.v1.EchoService/Expand").attributes["rpc.grpc.status_code"]).toBe(Code.CANCELLED);
});

it("cancelled by the server (shut down mid-call): the client span ends with the status the client got, the server span CANCELLED", async () => {
  await using other = await testServer(EchoService, implementation, {
    server: { interceptors: [serverTelemetry(sdk.options)] },
    client: { interceptors: [clientTelemetry(sdk.options)] },
  });
  const stream = other.client(EchoServiceClient).expand({ count: 1, text: "wait" });
  const it = stream[Symbol.asyncIterator]();
  await it.next();
  other.server.forceShutdown();
  const error = await rejection(it.next());
  const spans = await spansEnded(sdk.spans, 2);
  expect(only(spans, SpanKind.CLIENT, "rpc.v1.EchoService/Expand").attributes["rpc.grpc.status_code"]).toBe(error.code);
  expect(only(spans, SpanKind.SERVER, "rpc.v1.EchoService/Expand").attributes["rpc.grpc.status_code"]).toBe(Code.CANCELLED);
});

it("deadline expiry: DEADLINE_EXCEEDED on both sides, an error on the server too", async () => {
  let told: unknown;
  onEcho = (_, context) => aborted(context.signal).then((reason) => void (told = reason));
  expect((await rejection(client.echo({ text: "slow" }, { timeoutMs: 1000 }))).code).toBe(Code.DEADLINE_EXCEEDED);
  const spans = await spansEnded(sdk.spans, 2);
  expect(only(spans, SpanKind.CLIENT).attributes["rpc.grpc.status_code"]).toBe(Code.DEADLINE_EXCEEDED);
  const s = only(spans, SpanKind.SERVER);
  // The server span says what the handler was told. That is CANCELLED when the client's reset, sent at its own
  // deadline, overtook the server's later one by over 50 ms (a loaded machine: deadlines.test.ts pins the rule).
  expect(told).toBeInstanceOf(RpcError);
  expect(s.attributes["rpc.grpc.status_code"]).toBe((told as RpcError).code);
  expect(s.status.code).toBe((told as RpcError).code === Code.CANCELLED ? SpanStatusCode.UNSET : SpanStatusCode.ERROR);
  expect([Code.DEADLINE_EXCEEDED, Code.CANCELLED]).toContain((told as RpcError).code);
});

describe("calls made by a handler", () => {
  it("with { context }: children of the handler's span (no context manager needed)", async () => {
    onEcho = async (text, context) => {
      if (text === "outer") await client.echo({ text: "inner" }, { context });
    };
    await client.echo({ text: "outer" });
    const spans = await spansEnded(sdk.spans, 4);
    const outerClient = spans.find((s) => s.kind === SpanKind.CLIENT && !s.parentSpanContext);
    const innerClient = spans.find((s) => s.kind === SpanKind.CLIENT && s.parentSpanContext);
    const servers = spans.filter((s) => s.kind === SpanKind.SERVER);
    const outerServer = servers.find((s) => s.parentSpanContext?.spanId === outerClient!.spanContext().spanId)!;
    const innerServer = servers.find((s) => s.parentSpanContext?.spanId === innerClient!.spanContext().spanId)!;
    expect(outerServer).toBeDefined();
    expect(innerServer).toBeDefined();
    expect(innerClient!.parentSpanContext?.spanId).toBe(outerServer.spanContext().spanId);
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1);
  });

  it("traceContextOf(context) parents spans of the handler's own", async () => {
    const tracer = sdk.options.tracerProvider!.getTracer("test");
    onEcho = async (_, context) => tracer.startSpan("work", {}, traceContextOf(context)).end();
    await client.echo({ text: "x" });
    const spans = await spansEnded(sdk.spans, 3);
    expect(spans.find((s) => s.name === "work")!.parentSpanContext?.spanId).toBe(only(spans, SpanKind.SERVER).spanContext().spanId);
  });
});

describe("with a context manager registered (AsyncLocalStorage)", () => {
  beforeAll(() => otelContext.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()));
  afterAll(() => otelContext.disable());

  it("a client span is the child of the span active where the call is made", async () => {
    const parent = sdk.options.tracerProvider!.getTracer("test").startSpan("parent");
    await otelContext.with(trace.setSpan(otelContext.active(), parent), () => client.echo({ text: "x" }));
    parent.end();
    const spans = await spansEnded(sdk.spans, 3);
    expect(only(spans, SpanKind.CLIENT).parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  });

  it("the handler runs with its span active, so its calls are children without passing anything", async () => {
    let activeInHandler: string | undefined;
    onEcho = async (text) => {
      await sleep(1);
      activeInHandler ??= trace.getSpan(otelContext.active())?.spanContext().spanId;
      if (text === "outer") await client.echo({ text: "inner" });
    };
    await client.echo({ text: "outer" });
    const spans = await spansEnded(sdk.spans, 4);
    const outerClient = spans.find((s) => s.kind === SpanKind.CLIENT && !s.parentSpanContext)!;
    const outerServer = spans.find((s) => s.kind === SpanKind.SERVER && s.parentSpanContext?.spanId === outerClient.spanContext().spanId)!;
    expect(activeInHandler).toBe(outerServer.spanContext().spanId);
    const innerClient = spans.find((s) => s.kind === SpanKind.CLIENT && s.parentSpanContext)!;
    expect(innerClient.parentSpanContext?.spanId).toBe(outerServer.spanContext().spanId);
  });
});

it("message events, when asked for: one rpc.message event per message, numbered per direction", async () => {
  await using events = await testServer(EchoService, echoBehaviour, {
    server: { interceptors: [serverTelemetry({ ...sdk.options, messageEvents: true })] },
    client: { interceptors: [clientTelemetry({ ...sdk.options, messageEvents: true })] },
  });
  await collect(events.client(EchoServiceClient).chat([{ text: "a" }, { text: "b" }]));
  const spans = await spansEnded(sdk.spans, 2);
  const describe = (kind: SpanKind) =>
    only(spans, kind, "rpc.v1.EchoService/Chat").events.map(
      (e) => `${e.name} ${String(e.attributes!["rpc.message.type"])} ${String(e.attributes!["rpc.message.id"])}`,
    );
  expect(describe(SpanKind.CLIENT).sort()).toEqual(["rpc.message RECEIVED 1", "rpc.message RECEIVED 2", "rpc.message SENT 1", "rpc.message SENT 2"]);
  expect(describe(SpanKind.SERVER).sort()).toEqual(["rpc.message RECEIVED 1", "rpc.message RECEIVED 2", "rpc.message SENT 1", "rpc.message SENT 2"]);
});
