/**
 * Calls that end badly: clients that vanish mid-stream, deadline storms and
 * shutdown under load. Every handler must learn of it (its signal aborts, its
 * generator is closed), nothing may stay behind, and the server serves on.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Code, RpcError, type CallContext } from "@tsgrpc/runtime/grpc";
import { EchoRequest, ExpandRequest } from "../../../testdata/gen/rpc/v1/echo_pb.js";
import { EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { abortedAt, collect, eventually, expectEndedByDeadline, rejection, sleep, startEcho } from "./helpers.js";
import { connect, frame, grpcHeaders } from "./faults-http2.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Scales the counts below for a manual full-size run (`FAULTS_SCALE=10`). */
const scale = Number(process.env.FAULTS_SCALE ?? 1);
const n = (ci: number) => Math.round(ci * scale);

jest.setTimeout(120_000);

/** Live objects only: heap after a full collection. */
function liveHeap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Handles of each kind the process holds (sockets, timers, ...). */
function handles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** An endless server stream that records how each call ended. */
function endlessStreams() {
  const state = { active: 0, started: 0, closed: 0, reasons: new Map<number, number>() };
  const implementation = {
    async *expand(request: ExpandRequest, context: CallContext) {
      state.active++;
      state.started++;
      context.signal.addEventListener("abort", () => {
        const code = context.signal.reason instanceof RpcError ? context.signal.reason.code : -1;
        state.reasons.set(code, (state.reasons.get(code) ?? 0) + 1);
      });
      try {
        for (;;) {
          yield { text: request.text, payload: new Uint8Array(request.payloadSize) };
          await sleep(1);
        }
      } finally {
        state.active--;
        state.closed++;
      }
    },
  };
  return { state, implementation };
}

describe("clients that vanish mid-stream", () => {
  test("every handler's signal aborts with CANCELLED and its generator is closed; memory and handles return to where they were", async () => {
    const { state, implementation } = endlessStreams();
    const echo = await startEcho(implementation);
    const streamsPerSession = 20;
    const sessions = n(10);
    const rounds = 5;
    const request = frame(new ExpandRequest({ text: "gone", payloadSize: 512 }).toBinary());
    const round = async () => {
      const open = Array.from({ length: sessions }, () => connect(echo.port));
      for (const session of open) {
        for (let i = 0; i < streamsPerSession; i++) {
          const stream = session.request(grpcHeaders("/rpc.v1.EchoService/Expand"));
          stream.on("error", () => undefined);
          stream.end(request);
        }
      }
      const target = state.started + sessions * streamsPerSession;
      await eventually(() => state.started === target);
      await sleep(50); // let responses flow
      for (const session of open) session.destroy(); // the socket just goes: no RST_STREAM, no GOAWAY
      await eventually(() => state.active === 0);
    };
    try {
      await round(); // warm-up: first-use allocations are not a leak
      const handlesBefore = handles();
      const heapBefore = liveHeap();
      for (let r = 0; r < rounds; r++) await round();
      await sleep(100);
      const heapAfter = liveHeap();
      const vanished = rounds * sessions * streamsPerSession;
      console.log(
        `vanishing clients: ${vanished} streams over ${rounds * sessions} connections; live heap ${(heapBefore / 2 ** 20).toFixed(1)} MB before, ${(heapAfter / 2 ** 20).toFixed(1)} MB after`,
      );
      expect(state.closed).toBe(state.started);
      expect(state.reasons.get(Code.CANCELLED)).toBe(state.started);
      expect(heapAfter - heapBefore).toBeLessThan(8 * 2 ** 20);
      expect(handles()["TCPSocketWrap"] ?? 0).toBeLessThanOrEqual(handlesBefore["TCPSocketWrap"] ?? 0);
      // Still serving (Echo is not implemented by this server).
      expect((await rejection(echo.client.echo({}))).code).toBe(Code.UNIMPLEMENTED);
    } finally {
      await echo.stop();
    }
  });

  test("a generated client aborting its signal or breaking out of its loop cancels the handler the same way", async () => {
    const { state, implementation } = endlessStreams();
    const echo = await startEcho(implementation);
    try {
      const controller = new AbortController();
      const aborting = (async () => {
        for await (const _ of echo.client.expand({ text: "a" }, { signal: controller.signal })) controller.abort();
      })();
      expect((await rejection(aborting)).code).toBe(Code.CANCELLED);
      for await (const _ of echo.client.expand({ text: "b" })) break;
      await eventually(() => state.closed === 2);
      expect(state.reasons.get(Code.CANCELLED)).toBe(2);
    } finally {
      await echo.stop();
    }
  });
});

describe("deadline storms", () => {
  test("hundreds of calls expiring within milliseconds of each other: all DEADLINE_EXCEEDED, every handler told, server fine", async () => {
    let running = 0;
    let started = 0;
    const ends: { call: number; deadline?: Date; reason?: unknown; endedAt?: number }[] = [];
    const echo = await startEcho({
      async echo(request: EchoRequest, context: CallContext) {
        running++;
        started++;
        const { reason, at } = await abortedAt(context.signal);
        ends.push({ call: Number(request.text), deadline: context.deadline, reason, endedAt: at });
        running--;
        return {};
      },
    });
    try {
      expect((await rejection(collect(echo.client.expand({})))).code).toBe(Code.UNIMPLEMENTED); // connected
      // Deadlines spread over half a second, late enough on a busy machine for most calls to reach a handler first.
      const calls = n(300);
      const clientDeadlines: number[] = [];
      const results = await Promise.all(
        Array.from({ length: calls }, (_, i) => {
          const timeoutMs = 500 + calls + (i % 100) * 5;
          clientDeadlines.push(Date.now() + timeoutMs);
          return rejection(echo.client.echo({ text: String(i) }, { timeoutMs }));
        }),
      );
      expect(results.map((e: RpcError) => e.code)).toEqual(Array(calls).fill(Code.DEADLINE_EXCEEDED));
      // A call whose deadline passes before it reaches the server never starts a handler; every one that started is told.
      await eventually(() => running === 0 && ends.length === started);
      const late = ends.filter((end) => (end.reason as RpcError).code === Code.DEADLINE_EXCEEDED).length;
      console.log(`deadline storm: ${calls} calls, ${started} reached a handler: ${late} told DEADLINE_EXCEEDED, ${started - late} CANCELLED`);
      // The server reads the calls one after another, so its deadlines can start well after the client's.
      for (const end of ends) expectEndedByDeadline(end.reason, end, clientDeadlines[end.call]);
      expect(started).toBeGreaterThan(0);
      const after = await rejection(collect(echo.client.expand({})));
      expect([after.code, after.message]).toEqual([Code.UNIMPLEMENTED, "method /rpc.v1.EchoService/Expand is not implemented"]);
      // Deadlines already past when the call starts fail at once, without reaching the server.
      const past = await Promise.all(Array.from({ length: 50 }, () => rejection(echo.client.echo({}, { deadline: new Date(Date.now() - 1000) }))));
      expect(past.every((e: RpcError) => e.code === Code.DEADLINE_EXCEEDED)).toBe(true);
      expect(ends.length).toBe(started);
    } finally {
      await echo.stop();
    }
  });
});

describe("graceful shutdown under load", () => {
  test("completes every call it accepted, refuses new ones with UNAVAILABLE, and resolves when drained", async () => {
    let started = 0;
    let finished = 0;
    const echo = await startEcho({
      async echo(request: EchoRequest) {
        started++;
        await sleep(300);
        finished++;
        return { text: request.text };
      },
    });
    try {
      const load = n(200);
      const accepted = Array.from({ length: load }, (_, i) => echo.client.echo({ text: `call ${i}` }));
      await eventually(() => started === load);
      const shutdown = echo.server.shutdown();
      const late = new EchoServiceClient(`127.0.0.1:${echo.port}`);
      const refused = await rejection(late.echo({ text: "late" }, { timeoutMs: 5000 }));
      late.close();
      expect(refused.code).toBe(Code.UNAVAILABLE);
      const answers = await Promise.all(accepted);
      expect(answers.map((a) => a.text)).toEqual(Array.from({ length: load }, (_, i) => `call ${i}`));
      await shutdown;
      expect(finished).toBe(load);
    } finally {
      await echo.stop();
    }
  });

  test("with graceMs, calls still running when it passes are cancelled and shutdown resolves", async () => {
    const { state, implementation } = endlessStreams();
    const echo = await startEcho(implementation);
    try {
      const outcomes = Array.from({ length: 50 }, () =>
        rejection(
          (async () => {
            for await (const _ of echo.client.expand({ text: "forever" }));
          })(),
        ),
      );
      await eventually(() => state.started === 50);
      const t = Date.now();
      await echo.server.shutdown({ graceMs: 200 });
      expect(Date.now() - t).toBeLessThan(5000);
      expect((await Promise.all(outcomes)).every((e: RpcError) => e instanceof RpcError && [Code.CANCELLED, Code.UNAVAILABLE].includes(e.code))).toBe(true);
      await eventually(() => state.active === 0);
      expect(state.reasons.get(Code.CANCELLED)).toBe(50);
    } finally {
      await echo.stop();
    }
  });
});
