import type { BenchClient } from "./impl.js";

/** How much work each scenario does; the smoke run shrinks it to a handful. */
export interface ScenarioSizes {
  /** Seconds of unary calls and of ping-pong per measurement. */
  seconds: number;
  /** Messages per streaming call. */
  streamMessages: number;
}

export interface ScenarioResult {
  /** Requests, messages or round trips per second (wall clock). */
  rate: number;
  /** Latency percentiles in milliseconds (unary only). */
  p50?: number;
  p99?: number;
  /** Client CPU microseconds per request, message or round trip. */
  clientCpuMicros: number;
  /** Operations done in all, warm-up included: what the server's CPU time is divided by. */
  totalOps: number;
}

export const scenarioNames = ["unary c=1", "unary c=64", "server streaming", "client streaming", "bidi ping-pong"] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export function isScenario(name: string): name is ScenarioName {
  return (scenarioNames as readonly string[]).includes(name);
}

function now(): number {
  return performance.now();
}

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

interface Measured {
  rate: number;
  ops: number;
  clientCpuMicros: number;
  p50?: number;
  p99?: number;
}

/** `concurrency` callers each issuing unary calls back to back for `seconds`. */
async function unary(client: BenchClient, concurrency: number, seconds: number): Promise<Measured> {
  const latencies: number[] = [];
  const cpu = cpuMicros();
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
  const ops = latencies.length;
  latencies.sort((a, b) => a - b);
  return { rate: ops / elapsed, ops, clientCpuMicros: (cpuMicros() - cpu) / ops, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

async function timed(ops: number, run: () => Promise<number | void>): Promise<Measured> {
  const cpu = cpuMicros();
  const start = now();
  const n = await run();
  if (typeof n === "number" && n !== ops) throw new Error(`expected ${ops} messages, got ${n}`);
  return { rate: ops / ((now() - start) / 1000), ops, clientCpuMicros: (cpuMicros() - cpu) / ops };
}

/** Runs one scenario after a warm-up of the same kind (JIT, HTTP/2 windows); only the second part is measured. */
export async function runScenario(client: BenchClient, name: ScenarioName, sizes: ScenarioSizes): Promise<ScenarioResult> {
  const warm = Math.max(1, Math.floor(sizes.streamMessages / 20));
  let warmOps = warm;
  let m: Measured;
  switch (name) {
    case "unary c=1":
    case "unary c=64": {
      const concurrency = name === "unary c=1" ? 1 : 64;
      warmOps = (await unary(client, concurrency, sizes.seconds / 5)).ops;
      m = await unary(client, concurrency, sizes.seconds);
      break;
    }
    case "server streaming":
      await client.download(warm);
      m = await timed(sizes.streamMessages, () => client.download(sizes.streamMessages));
      break;
    case "client streaming":
      await client.upload(warm);
      m = await timed(sizes.streamMessages, () => client.upload(sizes.streamMessages));
      break;
    case "bidi ping-pong": {
      // Round trips for about `seconds`, sized from the warm-up's pace.
      const t = now();
      await client.pingPong(warm);
      const rounds = Math.max(1, Math.round((warm * sizes.seconds * 1000) / Math.max(1, now() - t)));
      m = await timed(rounds, () => client.pingPong(rounds));
      break;
    }
  }
  return { rate: m.rate, p50: m.p50, p99: m.p99, clientCpuMicros: m.clientCpuMicros, totalOps: warmOps + m.ops };
}
