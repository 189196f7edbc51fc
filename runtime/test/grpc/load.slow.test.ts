/**
 * The server under load on loopback: a thousand server streams open at once,
 * and many unary calls from many separate clients (each its own connection).
 * CI runs a tenth of the unary load; `LOAD_SCALE=1` is the full size.
 */
import { Code, RpcError, type CallContext } from "@tsgrpc/runtime/grpc";
import { EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import type { ExpandRequest } from "../../../testdata/gen/rpc/v1/echo_pb.js";
import { collect, echoBehaviour, startEcho } from "./helpers.js";

const scale = Number(process.env.LOAD_SCALE ?? 0.1);

jest.setTimeout(180_000);

/** Resolves once `count` parties have arrived; fails them all if that takes longer than `ms`. */
function barrier(count: number, ms: number): { arrive(): Promise<void>; peak(): number } {
  let arrived = 0;
  let release!: () => void;
  let fail!: (e: Error) => void;
  const all = new Promise<void>((resolve, reject) => ((release = resolve), (fail = reject)));
  all.catch(() => undefined);
  const timer = setTimeout(() => fail(new RpcError(Code.RESOURCE_EXHAUSTED, `only ${arrived} of ${count} streams were open at once`)), ms);
  return {
    arrive() {
      if (++arrived === count) {
        clearTimeout(timer);
        release();
      }
      return all;
    },
    peak: () => arrived,
  };
}

test("1 000 server streams open at the same time, each answered in full", async () => {
  const streams = 1000;
  const perStream = 5;
  const together = barrier(streams, 60_000);
  const echo = await startEcho({
    // Every handler waits until all of them are running: only true concurrency lets this test end.
    async *expand(request: ExpandRequest, _context: CallContext) {
      await together.arrive();
      for (let i = 0; i < request.count; i++) yield { text: request.text, sequence: BigInt(i) };
    },
  });
  try {
    const start = performance.now();
    const results = await Promise.all(Array.from({ length: streams }, (_, i) => collect(echo.client.expand({ text: `s${i}`, count: perStream }))));
    const seconds = (performance.now() - start) / 1000;
    console.log(`load: ${together.peak()} concurrent server streams, ${streams * perStream} messages in ${seconds.toFixed(2)} s`);
    expect(results.every((r, i) => r.length === perStream && r.every((m, j) => m.text === `s${i}` && m.sequence === BigInt(j)))).toBe(true);
  } finally {
    await echo.stop();
  }
});

test("unary calls from 50 concurrent clients, each on its own connection: every call answered correctly", async () => {
  const clients = 50;
  const calls = Math.round(20_000 * scale);
  const echo = await startEcho(echoBehaviour);
  // A local subchannel pool gives each client its own HTTP/2 connection instead of grpc-js's shared one.
  const pool = Array.from(
    { length: clients },
    () => new EchoServiceClient(`127.0.0.1:${echo.port}`, undefined, { channelOptions: { "grpc.use_local_subchannel_pool": 1 } }),
  );
  try {
    let next = 0;
    let wrong = 0;
    const start = performance.now();
    await Promise.all(
      pool.map(async (client) => {
        for (let i = next++; i < calls; i = next++) {
          const r = await client.echo({ text: `call ${i}`, sequence: BigInt(i) });
          if (r.text !== `call ${i}` || r.sequence !== BigInt(i)) wrong++;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    console.log(`load: ${calls} unary calls from ${clients} clients in ${seconds.toFixed(2)} s = ${Math.round(calls / seconds)} calls/s`);
    expect(next).toBeGreaterThanOrEqual(calls);
    expect(wrong).toBe(0);
  } finally {
    for (const client of pool) client.close();
    await echo.stop();
  }
});
