import { count, percent, ratio, table } from "../table.js";
import { summarize } from "../timing.js";
import { jsonLines, ServerProcess, start } from "./children.js";
import type { RpcImpl } from "./impl.js";
import { scenarioNames, type ScenarioName, type ScenarioResult, type ScenarioSizes } from "./scenarios.js";

export interface RpcBenchOptions extends ScenarioSizes {
  rounds: number;
  /** Implementation whose ratio to every other one is printed. */
  subject: string;
  /** The scenarios to run (default: all). */
  scenarios?: readonly ScenarioName[];
}

/** One scenario of one round: the client's result plus what the server spent. */
interface Sample extends ScenarioResult {
  serverCpuMicros: number;
  clientRss: number;
}

interface RoundResult {
  samples: Record<string, Sample>;
  serverRss: number;
}

/** One scenario against `server` from a fresh client process (so each client RSS is that scenario's own). */
async function runClient(server: ServerProcess, scenario: string, sizes: ScenarioSizes): Promise<Sample> {
  const name = server.impl.name;
  const before = await server.cpuMicros();
  const client = start("client-main.js", [name, String(server.port), scenario, JSON.stringify(sizes)]);
  const budget = 60_000 + sizes.seconds * 5_000 + sizes.streamMessages;
  const { result, maxRssBytes } = (await jsonLines(client, `${name} client (${scenario})`)(budget)) as { result: ScenarioResult; maxRssBytes: number };
  const serverCpuMicros = ((await server.cpuMicros()) - before) / result.totalOps;
  return { ...result, serverCpuMicros, clientRss: maxRssBytes };
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

function report(impls: readonly RpcImpl[], rounds: ReadonlyMap<string, RoundResult[]>, subject: string, scenarios: readonly ScenarioName[]): string {
  const median = (impl: string, pick: (r: RoundResult) => number) => summarize(rounds.get(impl)!.map(pick)).median;
  const parts: string[] = [];
  for (const scenario of scenarios) {
    const unit = scenario.startsWith("unary") ? "req/s" : scenario.includes("ping") ? "round trips/s" : "msgs/s";
    const latency = scenario.startsWith("unary");
    const rate = (impl: string) => median(impl, (r) => r.samples[scenario].rate);
    const cpu = (impl: string) => median(impl, (r) => r.samples[scenario].clientCpuMicros + r.samples[scenario].serverCpuMicros);
    const header = ["implementation", unit, "±", ...(latency ? ["p50 ms", "p99 ms"] : []), "client CPU µs", "server CPU µs", `${subject}/impl rate`, "CPU"];
    const rows = impls.map((impl) => {
      const s = summarize(rounds.get(impl.name)!.map((r) => r.samples[scenario].rate));
      const at = (pick: (x: Sample) => number, digits: number) => median(impl.name, (r) => pick(r.samples[scenario])).toFixed(digits);
      const compare = rounds.has(subject) && impl.name !== subject;
      return [
        impl.name,
        count(s.median),
        percent(s.spread),
        ...(latency ? [at((x) => x.p50!, 2), at((x) => x.p99!, 2)] : []),
        at((x) => x.clientCpuMicros, 1),
        at((x) => x.serverCpuMicros, 1),
        compare ? ratio(rate(subject) / rate(impl.name)) : "",
        compare ? ratio(cpu(subject) / cpu(impl.name)) : "",
      ];
    });
    parts.push(`### ${scenario}\n\n${table(header, rows)}\n`);
  }
  const rssRows = impls.map((impl) => [
    impl.name,
    mb(median(impl.name, (r) => r.serverRss)),
    mb(median(impl.name, (r) => Math.max(...scenarios.map((s) => r.samples[s].clientRss)))),
  ]);
  parts.push(
    `### peak RSS (MB; server over all scenarios, client the largest of its per-scenario processes)\n\n${table(["implementation", "server", "client"], rssRows)}\n`,
  );
  parts.push(
    `Rates are wall clock (higher is better); CPU is client + server CPU time per request, message or round trip (lower is better), the steadier measure on a shared machine.\n`,
  );
  return parts.join("\n");
}

/**
 * Each round starts one server per implementation, then runs every scenario
 * for every implementation back to back, rotating their order from round to
 * round, so a change in the machine's load hits all implementations alike.
 */
export async function runRpcBench(impls: readonly RpcImpl[], options: RpcBenchOptions): Promise<string> {
  const rounds = new Map<string, RoundResult[]>(impls.map((i) => [i.name, []]));
  const sizes: ScenarioSizes = { seconds: options.seconds, streamMessages: options.streamMessages };
  const scenarios = options.scenarios ?? scenarioNames;
  for (let round = 0; round < options.rounds; round++) {
    const servers = impls.map((impl) => new ServerProcess(impl));
    try {
      await Promise.all(servers.map((s) => s.listening()));
      const samples = new Map<string, Record<string, Sample>>(impls.map((i) => [i.name, {}]));
      for (const scenario of scenarios) {
        for (let j = 0; j < servers.length; j++) {
          const server = servers[(j + round) % servers.length];
          samples.get(server.impl.name)![scenario] = await runClient(server, scenario, sizes);
        }
      }
      for (const server of servers) rounds.get(server.impl.name)!.push({ samples: samples.get(server.impl.name)!, serverRss: await server.stop() });
    } finally {
      for (const server of servers) server.kill();
    }
  }
  const text = report(impls, rounds, options.subject, scenarios);
  console.log(text);
  return text;
}
