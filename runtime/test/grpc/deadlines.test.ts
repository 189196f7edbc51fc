/**
 * Deadlines in every call kind: the client rejects with DEADLINE_EXCEEDED,
 * the handler's context knows the deadline and its signal aborts with
 * DEADLINE_EXCEEDED; a nested call given the context inherits the deadline.
 */
import { Code, RpcError, type CallContext } from "@tsgrpc/runtime/grpc";
import type { EchoRequest } from "../../../testdata/gen/rpc/v1/echo_pb.js";
import { aborted, abortedAt, eventually, expectEndedByDeadline, rejection, startEcho } from "./helpers.js";

/** What the handlers observed, per call. */
const seen: { deadline?: Date; reason?: unknown; requestError?: unknown; endedAt?: number; nestedDeadline?: Date; nestedReason?: unknown }[] = [];

async function drain(requests: AsyncIterable<EchoRequest>, record: (typeof seen)[number]) {
  try {
    for await (const _ of requests);
    await new Promise(() => undefined); // half-closed: keep the call open past the deadline
  } catch (e) {
    record.requestError = e;
    throw e;
  }
}

let echo: Awaited<ReturnType<typeof startEcho>>;
beforeAll(async () => {
  const observe = async (context: CallContext) => {
    const record: (typeof seen)[number] = { deadline: context.deadline };
    seen.push(record);
    const { reason, at } = await abortedAt(context.signal);
    record.reason = reason;
    record.endedAt = at;
  };
  echo = await startEcho({
    async echo(request, context) {
      // a call that outlives its test must not leave a record in the next one's `seen`
      if (request.text === "untracked") return aborted(context.signal).then(() => ({}));
      if (request.text === "nested") {
        const record: (typeof seen)[number] = { deadline: context.deadline };
        seen.push(record);
        // the nested call inherits this call's deadline through `context`
        await echo.client.old({}, { context }).catch((e: unknown) => (record.nestedReason = e));
        record.reason = await aborted(context.signal);
        return {};
      }
      await observe(context);
      return {};
    },
    async old(_request, context) {
      seen[seen.length - 1].nestedDeadline = context.deadline;
      await aborted(context.signal);
      return {};
    },
    async *expand(_request, context) {
      yield { text: "first" };
      await observe(context);
    },
    async collect(requests, context) {
      const record: (typeof seen)[number] = { deadline: context.deadline };
      seen.push(record);
      const end = abortedAt(context.signal);
      await drain(requests, record).catch(() => undefined);
      ({ reason: record.reason, at: record.endedAt } = await end);
      return {};
    },
    async *chat(requests, context) {
      const record: (typeof seen)[number] = { deadline: context.deadline };
      seen.push(record);
      const end = abortedAt(context.signal);
      yield { text: "hello" };
      await drain(requests, record).catch(() => undefined);
      ({ reason: record.reason, at: record.endedAt } = await end);
    },
  });
});
afterAll(() => echo.stop());
beforeEach(() => (seen.length = 0));

function expectDeadlineExceeded(error: unknown) {
  expect(error).toBeInstanceOf(RpcError);
  expect((error as RpcError).code).toBe(Code.DEADLINE_EXCEEDED);
}

/** The first handler's record once it has seen the end of its call. */
async function handlerSaw() {
  await eventually(() => seen[0]?.reason !== undefined);
  return seen[0];
}

/** A request stream that sends one message and then nothing, without half-closing. */
async function* oneThenSilence() {
  yield { text: "a" };
  await new Promise(() => undefined);
}

it("unary: timeoutMs", async () => {
  const before = Date.now();
  expectDeadlineExceeded(await rejection(echo.client.echo({}, { timeoutMs: 1000 })));
  expect(Date.now() - before).toBeLessThan(3000);
  const record = await handlerSaw();
  expect(record.deadline).toBeInstanceOf(Date);
  expect(Math.abs(record.deadline!.getTime() - (before + 1000))).toBeLessThan(500);
  expectEndedByDeadline(record.reason, record, before + 1000);
});

it("unary: an absolute deadline", async () => {
  const deadline = new Date(Date.now() + 1000);
  expectDeadlineExceeded(await rejection(echo.client.echo({}, { deadline })));
  const record = await handlerSaw();
  expectEndedByDeadline(record.reason, record, deadline.getTime());
});

it("server streaming: after the first message", async () => {
  const got: string[] = [];
  const before = Date.now();
  const error = await rejection(
    (async () => {
      for await (const r of echo.client.expand({}, { timeoutMs: 1500 })) got.push(r.text);
    })(),
  );
  expect(got).toEqual(["first"]);
  expectDeadlineExceeded(error);
  const record = await handlerSaw();
  expectEndedByDeadline(record.reason, record, before + 1500);
});

it("client streaming: the handler's request stream throws DEADLINE_EXCEEDED", async () => {
  const before = Date.now();
  expectDeadlineExceeded(await rejection(echo.client.collect(oneThenSilence(), { timeoutMs: 1500 })));
  const record = await handlerSaw();
  expectEndedByDeadline(record.requestError, record, before + 1500);
  expect(record.reason).toBe(record.requestError);
});

it("bidi streaming", async () => {
  const got: string[] = [];
  const before = Date.now();
  const error = await rejection(
    (async () => {
      for await (const r of echo.client.chat(oneThenSilence(), { timeoutMs: 1500 })) got.push(r.text);
    })(),
  );
  expect(got).toEqual(["hello"]);
  expectDeadlineExceeded(error);
  const record = await handlerSaw();
  expectEndedByDeadline(record.requestError, record, before + 1500);
});

it("the earlier of timeoutMs and deadline applies", async () => {
  const before = Date.now();
  expectDeadlineExceeded(await rejection(echo.client.echo({ text: "untracked" }, { timeoutMs: 100, deadline: new Date(Date.now() + 60_000) })));
  expect(Date.now() - before).toBeLessThan(2000);
});

it("a nested call given the handler's context inherits its deadline", async () => {
  expectDeadlineExceeded(await rejection(echo.client.echo({ text: "nested" }, { timeoutMs: 1000 })));
  // the handler records `reason` after `nestedReason` (an await later), so wait for the last one it sets
  await eventually(() => seen[0]?.reason !== undefined);
  const record = seen[0];
  // the same instant, give or take the transit time of the nested call
  expect(Math.abs(record.nestedDeadline!.getTime() - record.deadline!.getTime())).toBeLessThan(50);
  // It ends with its parent's reason: DEADLINE_EXCEEDED, or CANCELLED when the client's own deadline timer
  // reset the call before the server's (later by the request's transit time) fired, as happens under load.
  expect(record.nestedReason).toBeInstanceOf(RpcError);
  expect(record.reason).toBeInstanceOf(RpcError);
  expect([Code.DEADLINE_EXCEEDED, Code.CANCELLED]).toContain((record.nestedReason as RpcError).code);
  expect((record.nestedReason as RpcError).code).toBe((record.reason as RpcError).code);
});

it("bad deadlines fail the call with a RangeError", async () => {
  await expect(echo.client.echo({}, { timeoutMs: -1 })).rejects.toThrow(RangeError);
  await expect(echo.client.echo({}, { deadline: new Date(NaN) })).rejects.toThrow(RangeError);
});

it("a call without deadline has none on the server", async () => {
  const server = await startEcho({
    async echo(_request, context) {
      return { text: String(context.deadline) };
    },
  });
  try {
    expect((await server.client.echo({})).text).toBe("undefined");
  } finally {
    await server.stop();
  }
});
