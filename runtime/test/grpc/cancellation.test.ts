/**
 * Cancellation from either side, in every call kind: aborting the client's
 * signal, breaking out of a response loop, a request iterable that throws,
 * and a handler that ends a stream with an error mid-way.
 */
import { Code, RpcError } from "@tsgrpc/runtime/grpc";
import type { EchoRequest } from "../../../testdata/gen/rpc/v1/echo_pb.js";
import { aborted, eventually, rejection, startEcho } from "./helpers.js";

/** What the server saw of the latest call. */
let server: { started?: boolean; signalReason?: unknown; requestError?: unknown; generatorClosed?: boolean; received: string[] };

async function readAll(requests: AsyncIterable<EchoRequest>) {
  try {
    for await (const r of requests) server.received.push(r.text);
  } catch (e) {
    server.requestError = e;
    throw e;
  }
}

let echo: Awaited<ReturnType<typeof startEcho>>;
beforeAll(async () => {
  echo = await startEcho({
    async echo(_request, context) {
      server.started = true;
      server.signalReason = await aborted(context.signal);
      return {};
    },
    async *expand(request, context) {
      context.signal.addEventListener("abort", () => void (server.signalReason = context.signal.reason as unknown));
      try {
        for (let i = 0; ; i++) {
          if (request.text === "fail-after-2" && i === 2) throw new RpcError(Code.ABORTED, "server gave up");
          yield { text: String(i) };
        }
      } finally {
        server.generatorClosed = true;
      }
    },
    async collect(requests, context) {
      context.signal.addEventListener("abort", () => void (server.signalReason = context.signal.reason as unknown));
      await readAll(requests);
      return { count: server.received.length };
    },
    async *chat(requests, context) {
      context.signal.addEventListener("abort", () => void (server.signalReason = context.signal.reason as unknown));
      try {
        for await (const r of requests) {
          server.received.push(r.text);
          if (r.text === "stop") throw new RpcError(Code.OUT_OF_RANGE, "server stops here");
          yield { text: r.text };
        }
      } catch (e) {
        server.requestError = e;
        throw e;
      } finally {
        server.generatorClosed = true;
      }
    },
  });
});
afterAll(() => echo.stop());
beforeEach(() => (server = { received: [] }));

function expectCode(error: unknown, code: Code) {
  expect(error).toBeInstanceOf(RpcError);
  expect((error as RpcError).code).toBe(code);
}

/** Requests that keep coming until the test is done, `n` quickly then one per tick. */
async function* endless(n = 3) {
  for (let i = 0; ; i++) {
    if (i >= n) await new Promise((resolve) => setTimeout(resolve, 5));
    yield { text: `r${i}` };
  }
}

describe("the client cancels", () => {
  it("unary: aborting the signal rejects with CANCELLED; the handler's signal aborts with CANCELLED", async () => {
    const controller = new AbortController();
    const call = echo.client.echo({}, { signal: controller.signal });
    await eventually(() => server.started === true);
    controller.abort();
    expectCode(await rejection(call), Code.CANCELLED);
    await eventually(() => server.signalReason !== undefined);
    expectCode(server.signalReason, Code.CANCELLED);
  });

  it("unary: an already aborted signal rejects with CANCELLED", async () => {
    expectCode(await rejection(echo.client.echo({}, { signal: AbortSignal.abort() })), Code.CANCELLED);
  });

  it("server streaming: break mid-stream cancels the call and return()s the handler's generator", async () => {
    const got: string[] = [];
    for await (const r of echo.client.expand({})) {
      got.push(r.text);
      if (got.length === 3) break;
    }
    expect(got).toEqual(["0", "1", "2"]);
    await eventually(() => server.generatorClosed === true && server.signalReason !== undefined);
    expectCode(server.signalReason, Code.CANCELLED);
  });

  it("server streaming: aborting the signal mid-stream makes the loop throw CANCELLED", async () => {
    const controller = new AbortController();
    const got: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const r of echo.client.expand({}, { signal: controller.signal })) {
          got.push(r.text);
          if (got.length === 2) controller.abort();
        }
      })(),
    );
    expectCode(error, Code.CANCELLED);
    expect(got.length).toBeGreaterThanOrEqual(2);
    await eventually(() => server.generatorClosed === true);
  });

  it("client streaming: a request iterable that throws cancels the call, which rejects with that error", async () => {
    const boom = new Error("source failed");
    async function* failing() {
      yield { text: "a" };
      yield { text: "b" };
      throw boom;
    }
    expect(await rejection(echo.client.collect(failing()))).toBe(boom);
    await eventually(() => server.requestError !== undefined);
    // the handler saw (some of) the messages sent before, then CANCELLED instead of a clean end
    expect(server.received).toEqual(["a", "b"].slice(0, server.received.length));
    expectCode(server.requestError, Code.CANCELLED);
  });

  it("client streaming: aborting the signal mid-upload makes the handler's request stream throw CANCELLED", async () => {
    const controller = new AbortController();
    const call = echo.client.collect(endless(), { signal: controller.signal });
    await eventually(() => server.received.length >= 3);
    controller.abort();
    expectCode(await rejection(call), Code.CANCELLED);
    await eventually(() => server.requestError !== undefined);
    expectCode(server.requestError, Code.CANCELLED);
  });

  it("bidi: break mid-stream cancels; the handler's request stream throws CANCELLED and its generator is closed", async () => {
    const got: string[] = [];
    for await (const r of echo.client.chat(endless())) {
      got.push(r.text);
      if (got.length === 3) break;
    }
    expect(got).toEqual(["r0", "r1", "r2"]);
    await eventually(() => server.generatorClosed === true && server.signalReason !== undefined);
    expectCode(server.signalReason, Code.CANCELLED);
  });

  it("bidi: a request iterable that throws rejects the response loop with that error", async () => {
    const boom = new Error("producer crashed");
    let answered!: () => void;
    const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
    async function* failing() {
      yield { text: "a" };
      await firstAnswer;
      throw boom;
    }
    const got: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const r of echo.client.chat(failing())) {
          got.push(r.text);
          answered();
        }
      })(),
    );
    expect(error).toBe(boom);
    expect(got).toEqual(["a"]);
    await eventually(() => server.requestError !== undefined);
    expectCode(server.requestError, Code.CANCELLED);
  });
});

describe("the server ends the call mid-stream", () => {
  it("server streaming: an error after two messages reaches the loop after them", async () => {
    const got: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const r of echo.client.expand({ text: "fail-after-2" })) got.push(r.text);
      })(),
    );
    expect(got).toEqual(["0", "1"]);
    expectCode(error, Code.ABORTED);
    expect(error.message).toBe("server gave up");
  });

  it("bidi: the handler's error stops the client's request pump", async () => {
    let pulled = 0;
    let closed = false;
    async function* requests() {
      try {
        yield { text: "a" };
        yield { text: "stop" };
        for (;;) {
          pulled++;
          await new Promise((resolve) => setTimeout(resolve, 5));
          yield { text: "more" };
        }
      } finally {
        closed = true;
      }
    }
    const got: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const r of echo.client.chat(requests())) got.push(r.text);
      })(),
    );
    expect(got).toEqual(["a"]);
    expectCode(error, Code.OUT_OF_RANGE);
    await eventually(() => closed);
    expect(pulled).toBeLessThan(50);
  });
});
