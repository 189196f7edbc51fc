import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { count, percent, ratio, table } from "../table.js";
import { summarize } from "../timing.js";
import type { RpcImpl } from "./impl.js";
import { scenarioNames, type ScenarioResult, type ScenarioSizes } from "./scenarios.js";

export interface RpcBenchOptions extends ScenarioSizes {
  rounds: number;
  /** Implementation whose ratio to every other one is printed. */
  subject: string;
}

interface RoundResult {
  results: Record<string, ScenarioResult>;
  clientRss: number;
  serverRss: number;
}

/** A child process's stdout as JSON lines, each awaited with a time limit so a stuck child fails the bench instead of hanging it. */
function jsonLines(child: ChildProcess, what: string): (timeoutMs: number) => Promise<Record<string, unknown>> {
  const queue: string[] = [];
  const waiters: ((line: string | undefined) => void)[] = [];
  let closed = false;
  const lines = createInterface({ input: child.stdout! });
  lines.on("line", (l) => (waiters.length ? waiters.shift()!(l) : queue.push(l)));
  lines.on("close", () => {
    closed = true;
    for (const w of waiters.splice(0)) w(undefined);
  });
  return (timeoutMs) =>
    new Promise((resolve, reject) => {
      const take = (line: string | undefined) => {
        clearTimeout(timer);
        if (line === undefined) reject(new Error(`${what} exited (code ${child.exitCode}) before answering`));
        else resolve(JSON.parse(line) as Record<string, unknown>);
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(take), 1);
        child.kill();
        reject(new Error(`${what} gave no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      if (queue.length) take(queue.shift());
      else if (closed) take(undefined);
      else waiters.push(take);
    });
}

function start(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [join(__dirname, script), ...args], { stdio: ["pipe", "pipe", "inherit"] });
}

/** One server process and one client process for `impl`; the client runs every scenario. */
async function runRound(impl: RpcImpl, sizes: ScenarioSizes): Promise<RoundResult> {
  const server = start("server-main.js", [impl.name]);
  const fromServer = jsonLines(server, `${impl.name} server`);
  try {
    const { port } = (await fromServer(60_000)) as { port: number };
    const client = start("client-main.js", [impl.name, String(port), JSON.stringify(sizes)]);
    const fromClient = jsonLines(client, `${impl.name} client`);
    const budget = 120_000 + sizes.seconds * 20_000 + sizes.streamMessages;
    const { results, maxRssBytes: clientRss } = (await fromClient(budget)) as { results: Record<string, ScenarioResult>; maxRssBytes: number };
    server.stdin!.end();
    const { maxRssBytes: serverRss } = (await fromServer(30_000)) as { maxRssBytes: number };
    return { results, clientRss, serverRss };
  } finally {
    if (server.exitCode === null) server.kill();
  }
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

function report(impls: readonly RpcImpl[], rounds: ReadonlyMap<string, RoundResult[]>, subject: string): string {
  const median = (impl: string, pick: (r: RoundResult) => number) => summarize(rounds.get(impl)!.map(pick)).median;
  const parts: string[] = [];
  for (const scenario of scenarioNames) {
    const unit = scenario.startsWith("unary") ? "req/s" : scenario.includes("ping") ? "round trips/s" : "msgs/s";
    const latency = scenario.startsWith("unary");
    const header = ["implementation", unit, "±", ...(latency ? ["p50 ms", "p99 ms"] : []), `${subject}/impl`];
    const subjectRate = rounds.has(subject) ? median(subject, (r) => r.results[scenario].rate) : undefined;
    const rows = impls.map((impl) => {
      const s = summarize(rounds.get(impl.name)!.map((r) => r.results[scenario].rate));
      const lat = latency ? [median(impl.name, (r) => r.results[scenario].p50!).toFixed(2), median(impl.name, (r) => r.results[scenario].p99!).toFixed(2)] : [];
      return [impl.name, count(s.median), percent(s.spread), ...lat, subjectRate !== undefined && impl.name !== subject ? ratio(subjectRate / s.median) : ""];
    });
    parts.push(`### ${scenario}\n\n${table(header, rows)}\n`);
  }
  const rssRows = impls.map((impl) => [impl.name, mb(median(impl.name, (r) => r.serverRss)), mb(median(impl.name, (r) => r.clientRss))]);
  parts.push(`### peak RSS (MB, over all scenarios)\n\n${table(["implementation", "server", "client"], rssRows)}\n`);
  return parts.join("\n");
}

/**
 * Runs every implementation once per round, rotating their order from round
 * to round, and prints one table per scenario plus peak memory.
 */
export async function runRpcBench(impls: readonly RpcImpl[], options: RpcBenchOptions): Promise<string> {
  const rounds = new Map<string, RoundResult[]>(impls.map((i) => [i.name, []]));
  const sizes: ScenarioSizes = { seconds: options.seconds, streamMessages: options.streamMessages };
  for (let round = 0; round < options.rounds; round++) {
    for (let j = 0; j < impls.length; j++) {
      const impl = impls[(j + round) % impls.length];
      rounds.get(impl.name)!.push(await runRound(impl, sizes));
    }
  }
  const text = report(impls, rounds, options.subject);
  console.log(text);
  return text;
}
