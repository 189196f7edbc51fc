/**
 * Interceptors on both sides: composable middleware around every call kind,
 * in list order (first = outermost), able to read and change metadata,
 * observe responses and errors, and answer with a status.
 */
import { Code, RpcError, type ClientInterceptor, type ServerInterceptor } from "@tsgrpc/runtime/grpc";
import { EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { collect, rejection, startEcho } from "./helpers.js";

const log: string[] = [];

/** Logs entry, each response and exit of every call, tagged with `name` (one function serves both sides). */
function logging(name: string): ClientInterceptor & ServerInterceptor {
  return async function* (call: { method: { name: string } }, next: (call: unknown) => AsyncIterable<unknown>) {
    log.push(`${name}>${call.method.name}`);
    try {
      for await (const response of next(call)) {
        log.push(`${name}:response`);
        yield response;
      }
      log.push(`${name}<ok`);
    } catch (e) {
      log.push(`${name}<${(e as RpcError).code}`);
      throw e;
    }
  } as ClientInterceptor & ServerInterceptor;
}

/** Client side: adds a bearer token to every call. */
const auth: ClientInterceptor = async function* (call, next) {
  call.metadata.set("authorization", "Bearer secret");
  yield* next(call);
};

/** Server side: refuses calls without the token, before the handler runs. */
const requireAuth: ServerInterceptor = async function* (call, next) {
  if (call.context.metadata.get("authorization") !== "Bearer secret") throw new RpcError(Code.UNAUTHENTICATED, "missing token");
  yield* next(call);
};

/** Server side: rewrites every response's text (interceptors see instances). */
const shout: ServerInterceptor = async function* (call, next) {
  for await (const response of next(call)) {
    if ("text" in response && typeof response.text === "string") response.text = response.text.toUpperCase();
    yield response;
  }
};

let echo: Awaited<ReturnType<typeof startEcho>>;
let handlerCalls = 0;
beforeAll(async () => {
  echo = await startEcho(
    {
      async echo(request) {
        handlerCalls++;
        if (request.text === "fail") throw new RpcError(Code.NOT_FOUND, "gone");
        return { text: request.text };
      },
      async *expand(request) {
        for (let i = 0; i < request.count; i++) yield { text: `m${i}` };
      },
      async collect(requests) {
        let n = 0;
        for await (const _ of requests) n++;
        return { count: n };
      },
      async *chat(requests) {
        for await (const r of requests) yield { text: r.text };
      },
    },
    { server: { interceptors: [logging("s1"), requireAuth, logging("s2"), shout] }, client: { interceptors: [logging("c1"), auth, logging("c2")] } },
  );
});
afterAll(() => echo.stop());
beforeEach(() => (log.length = 0));

it("unary: client interceptors wrap server interceptors wrap the handler, first in the list outermost", async () => {
  expect((await echo.client.echo({ text: "hi" })).text).toBe("HI");
  // a response travels out through every layer before the inner layers finish
  expect(log).toEqual([
    "c1>Echo",
    "c2>Echo",
    "s1>Echo",
    "s2>Echo",
    "s2:response",
    "s1:response",
    "s2<ok",
    "s1<ok",
    "c2:response",
    "c1:response",
    "c2<ok",
    "c1<ok",
  ]);
});

it("errors pass through every layer outwards", async () => {
  const error = await rejection(echo.client.echo({ text: "fail" }));
  expect(error.code).toBe(Code.NOT_FOUND);
  expect(log).toEqual(["c1>Echo", "c2>Echo", "s1>Echo", "s2>Echo", "s2<5", "s1<5", "c2<5", "c1<5"]);
});

it("server streaming: every response passes each layer as it streams", async () => {
  const texts = (await collect(echo.client.expand({ count: 2 }))).map((r) => r.text);
  expect(texts).toEqual(["M0", "M1"]);
  expect(log.filter((l) => l.startsWith("s2"))).toEqual(["s2>Expand", "s2:response", "s2:response", "s2<ok"]);
  expect(log.filter((l) => l.startsWith("c1"))).toEqual(["c1>Expand", "c1:response", "c1:response", "c1<ok"]);
});

it("client streaming and bidi: interceptors see the request stream as the call's request", async () => {
  expect((await echo.client.collect([{}, {}, {}])).count).toBe(3);
  expect(log).toContain("s2>Collect");
  expect((await collect(echo.client.chat([{ text: "a" }, { text: "b" }]))).map((r) => r.text)).toEqual(["A", "B"]);
  expect(log.filter((l) => l.startsWith("c2"))).toEqual(["c2>Collect", "c2:response", "c2<ok", "c2>Chat", "c2:response", "c2:response", "c2<ok"]);
});

it("a server interceptor can refuse a call before the handler runs", async () => {
  const plain = await startEcho(
    {
      async echo() {
        handlerCalls++;
        return {};
      },
    },
    { server: { interceptors: [requireAuth] } },
  );
  try {
    const before = handlerCalls;
    const error = await rejection(plain.client.echo({}));
    expect(error.code).toBe(Code.UNAUTHENTICATED);
    expect(error.message).toBe("missing token");
    expect(handlerCalls).toBe(before);
  } finally {
    await plain.stop();
  }
});

it("a client interceptor sees the request as an instance and may replace the call", async () => {
  const rewrite: ClientInterceptor = async function* (call, next) {
    if (call.requestStream) {
      yield* next(call);
      return;
    }
    const request = call.request as unknown as { text: string };
    log.push(`request is ${request.constructor.name}`);
    yield* next({ ...call, request: Object.assign(call.request, { text: request.text + "!" }) });
  };
  const client = new EchoServiceClient(`127.0.0.1:${echo.port}`, undefined, { interceptors: [auth, rewrite] });
  try {
    expect((await client.echo({ text: "x" })).text).toBe("X!");
    expect(log).toContain("request is EchoRequest");
  } finally {
    client.close();
  }
});
