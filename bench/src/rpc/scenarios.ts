import type { BenchClient } from "./impl.js";

/** How much work each scenario does; the smoke run shrinks it to a handful. */
export interface ScenarioSizes {
  /** Seconds of unary calls and of ping-pong per measurement. */
  seconds: number;
  /** Messages per streaming call. */
  streamMessages: number;
}

export interface ScenarioResult {
  /** Requests, messages or round trips per second. */
  rate: number;
  /** Latency percentiles in milliseconds (unary only). */
  p50?: number;
  p99?: number;
}

export const scenarioNames = ["unary c=1", "unary c=64", "server streaming", "client streaming", "bidi ping-pong"] as const;
export type ScenarioName = (typeof scenarioNames)[number];

function now(): number {
  return performance.now();
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/** `concurrency` callers each issuing unary calls back to back for `seconds`. */
async function unary(client: BenchClient, concurrency: number, seconds: number): Promise<ScenarioResult> {
  const latencies: number[] = [];
  const start = now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (now() < end) {
        const t = now();
        await client.echo();
        latencies.push(now() - t);
      }
    }),
  );
  const elapsed = (now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: latencies.length / elapsed, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

async function timed(messages: number, run: () => Promise<number | void>): Promise<ScenarioResult> {
  const start = now();
  const n = await run();
  if (typeof n === "number" && n !== messages) throw new Error(`expected ${messages} messages, got ${n}`);
  return { rate: messages / ((now() - start) / 1000) };
}

/** Runs one scenario after a short warm-up of the same kind (JIT, HTTP/2 windows). */
export async function runScenario(client: BenchClient, name: ScenarioName, sizes: ScenarioSizes): Promise<ScenarioResult> {
  const warm = Math.max(1, Math.floor(sizes.streamMessages / 20));
  switch (name) {
    case "unary c=1":
      await unary(client, 1, sizes.seconds / 5);
      return unary(client, 1, sizes.seconds);
    case "unary c=64":
      await unary(client, 64, sizes.seconds / 5);
      return unary(client, 64, sizes.seconds);
    case "server streaming":
      await client.download(warm);
      return timed(sizes.streamMessages, () => client.download(sizes.streamMessages));
    case "client streaming":
      await client.upload(warm);
      return timed(sizes.streamMessages, () => client.upload(sizes.streamMessages));
    case "bidi ping-pong": {
      await client.pingPong(warm);
      // Round trips in `seconds`: sized from the warm-up's pace.
      const t = now();
      await client.pingPong(warm);
      const rounds = Math.max(1, Math.round((warm * sizes.seconds * 1000) / Math.max(1, now() - t)));
      return timed(rounds, () => client.pingPong(rounds));
    }
  }
}
