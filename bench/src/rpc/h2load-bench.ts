/**
 * Server throughput measured from outside Node: Debian's h2load (package
 * nghttp2-client) sends pre-framed gRPC requests to each implementation's
 * server, so the client's cost is not Node's and cannot blur the server's.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DownloadRequest } from "../../gen/tsgrpc/bench/v1/service_pb.js";
import { count, percent, ratio, table } from "../table.js";
import { summarize } from "../timing.js";
import { ServerProcess } from "./children.js";
import type { RpcImpl } from "./impl.js";
import { sampleUserBytes } from "./sample.js";

export interface H2loadOptions {
  rounds: number;
  /** About how long each measured h2load run lasts. */
  seconds: number;
  /** Messages per server-streaming call. */
  streamMessages: number;
  /** Implementation whose ratio to every other one is printed. */
  subject: string;
  /** A few calls per run: checks that everything works, measures nothing. */
  smoke: boolean;
}

/** One load: a method, its request, h2load's clients (`-c`) and streams per client (`-m`). */
interface Load {
  name: string;
  path: string;
  request: Uint8Array;
  clients: number;
  streams: number;
  /** DATA bytes every call must answer with: its response messages, framed. */
  responseBytes: number;
  unit: string;
}

/** What one h2load run reported, checked against what the server says it sent. */
interface Run {
  callsPerSecond: number;
  calls: number;
  serverCpuMicros: number;
}

/** A gRPC length-prefixed message: uncompressed flag, 4-byte big-endian length, bytes. */
function frame(message: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + message.length);
  new DataView(out.buffer).setUint32(1, message.length);
  out.set(message, 5);
  return out;
}

function loads(streamMessages: number): Load[] {
  const user = sampleUserBytes().length + 5;
  const echo = { path: "/bench.v1.BenchService/Echo", request: frame(sampleUserBytes()), responseBytes: user, unit: "req/s" };
  const download = {
    path: "/bench.v1.BenchService/Download",
    request: frame(new DownloadRequest({ count: streamMessages }).toBinary()),
    responseBytes: user * streamMessages,
    unit: "calls/s",
  };
  return [
    { name: "unary -c 1 -m 1", clients: 1, streams: 1, ...echo },
    { name: "unary -c 4 -m 8", clients: 4, streams: 8, ...echo },
    { name: "unary -c 8 -m 32", clients: 8, streams: 32, ...echo },
    { name: `server streaming (${streamMessages} messages per call) -c 8 -m 4`, clients: 8, streams: 4, ...download },
  ];
}

/** Runs h2load for `calls` calls of `load` and returns its report, after checking that every call succeeded. */
function h2load(bin: string, port: number, load: Load, body: string, calls: number): Promise<{ callsPerSecond: number }> {
  const args = ["-n", String(calls), "-c", String(load.clients), "-m", String(load.streams), "-d", body];
  args.push("-H", "content-type: application/grpc", "-H", "te: trailers", `http://127.0.0.1:${port}${load.path}`);
  return new Promise((resolve, reject) =>
    execFile(bin, args, { encoding: "utf8", timeout: 300_000 }, (error, out) => {
      if (error) return reject(new Error(`h2load ${args.join(" ")} failed: ${error.message}\n${out}`));
      const rate = /finished in [^,]+, ([0-9.]+) req\/s/.exec(out);
      const requests = /requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed, (\d+) errored, (\d+) timeout/.exec(out);
      const ok = /status codes: (\d+) 2xx/.exec(out);
      const data = /\((\d+)\) data/.exec(out);
      if (!rate || !requests || !ok || !data) return reject(new Error(`unexpected h2load output:\n${out}`));
      const expectedData = calls * load.responseBytes;
      if (Number(requests[4]) !== calls || Number(ok[1]) !== calls || Number(data[1]) !== expectedData) {
        return reject(new Error(`h2load: ${calls} calls should have succeeded with HTTP 200 and ${expectedData} bytes of messages:\n${out}`));
      }
      resolve({ callsPerSecond: Number(rate[1]) });
    }),
  );
}

/** A measured run: h2load's rate, and the server's CPU time per call; throws unless the server ended exactly `calls` calls, all with grpc-status 0. */
async function measure(bin: string, server: ServerProcess, load: Load, body: string, calls: number): Promise<Run> {
  const before = await server.statuses();
  const cpu = await server.cpuMicros();
  const { callsPerSecond } = await h2load(bin, server.port, load, body, calls);
  const serverCpuMicros = ((await server.cpuMicros()) - cpu) / calls;
  const after = await server.statuses();
  const sent = Object.fromEntries(Object.keys(after).map((code) => [code, after[code] - (before[code] ?? 0)]));
  if (sent["0"] !== calls || Object.keys(sent).some((code) => code !== "0" && sent[code] !== 0)) {
    throw new Error(`${server.impl.name} ${load.name}: ${calls} calls, but the server ended them with grpc-status counts ${JSON.stringify(sent)}`);
  }
  return { callsPerSecond, calls, serverCpuMicros };
}

function report(impls: readonly RpcImpl[], all: readonly Load[], runs: Map<string, Run[]>, subject: string): string {
  const parts: string[] = [];
  for (const load of all) {
    const header = ["server", load.unit, "±", "server CPU µs/call", `${subject}/server rate`, "CPU"];
    const of = (impl: string) => runs.get(`${impl}|${load.name}`)!;
    const rate = (impl: string) => summarize(of(impl).map((r) => r.callsPerSecond));
    const cpu = (impl: string) => summarize(of(impl).map((r) => r.serverCpuMicros)).median;
    // Ratios are the median of each round's ratio: the two servers of a round ran back to back, under the same load.
    const paired = (impl: string, pick: (r: Run) => number) => summarize(of(subject).map((r, i) => pick(r) / pick(of(impl)[i]))).median;
    const rows = impls.map((impl) => {
      const compare = impl.name !== subject && impls.some((i) => i.name === subject);
      return [
        impl.name,
        count(rate(impl.name).median),
        percent(rate(impl.name).spread),
        cpu(impl.name).toFixed(1),
        compare ? ratio(paired(impl.name, (r) => r.callsPerSecond)) : "",
        compare ? ratio(paired(impl.name, (r) => r.serverCpuMicros)) : "",
      ];
    });
    parts.push(`### h2load ${load.name}\n\n${table(header, rows)}\n`);
  }
  parts.push(
    "Rates are h2load's (wall clock, higher is better); server CPU is the server process's CPU time per call (lower is better); ratios are medians of the per-round ratios. Every call was checked: HTTP 200, its response messages' bytes, grpc-status 0 (counted by the server).\n",
  );
  return parts.join("\n");
}

/**
 * Each round starts one server per implementation and, for every load,
 * warms each server up, then measures them one after the other, rotating
 * their order from round to round. Every measured run makes the same number
 * of calls for all implementations: what the first warm-up's rate does in
 * `seconds`.
 */
export async function runH2loadBench(bin: string, impls: readonly RpcImpl[], options: H2loadOptions): Promise<string> {
  const all = loads(options.smoke ? 3 : options.streamMessages);
  const dir = mkdtempSync(join(tmpdir(), "tsgrpc-h2load-"));
  const runs = new Map<string, Run[]>();
  const calls = new Map<string, number>();
  try {
    const bodies = all.map((load, i) => {
      const file = join(dir, `request-${i}.bin`);
      writeFileSync(file, load.request);
      return file;
    });
    for (let round = 0; round < options.rounds; round++) {
      const servers = impls.map((impl) => new ServerProcess(impl, true));
      try {
        await Promise.all(servers.map((s) => s.listening()));
        for (let i = 0; i < all.length; i++) {
          const load = all[i];
          const inFlight = load.clients * load.streams;
          for (const server of servers) {
            const warm = await h2load(bin, server.port, load, bodies[i], options.smoke ? inFlight : inFlight * 50);
            if (!calls.has(load.name))
              calls.set(load.name, options.smoke ? inFlight : Math.max(inFlight * 10, Math.round(warm.callsPerSecond * options.seconds)));
          }
          for (let j = 0; j < servers.length; j++) {
            const server = servers[(j + round) % servers.length];
            const key = `${server.impl.name}|${load.name}`;
            runs.set(key, [...(runs.get(key) ?? []), await measure(bin, server, load, bodies[i], calls.get(load.name)!)]);
          }
        }
        for (const server of servers) await server.stop();
      } finally {
        for (const server of servers) server.kill();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const text = report(impls, all, runs, options.subject);
  console.log(text);
  return text;
}

/**
 * Bytes each server allocates per unary call (`-c 8 -m 32`), by function:
 * V8's sampling heap profiler runs in the server, garbage included
 * (heap-sampling.ts), while h2load makes `calls` calls after a warm-up.
 * Printed side by side, the functions where the first implementation and
 * the second differ most first. Sampling slows the server, so this pass
 * measures no rate.
 */
export async function runH2loadAllocations(
  bin: string,
  impls: readonly [RpcImpl, RpcImpl],
  options: { calls: number; top: number; smoke: boolean },
): Promise<string> {
  const load = loads(1)[2];
  const dir = mkdtempSync(join(tmpdir(), "tsgrpc-h2load-"));
  const inFlight = load.clients * load.streams;
  const calls = options.smoke ? inFlight : options.calls;
  const perCall: Map<string, { name: string; where: string; bytes: number[] }> = new Map();
  const totals: number[] = [];
  try {
    const body = join(dir, "request.bin");
    writeFileSync(body, load.request);
    for (const [i, impl] of impls.entries()) {
      const server = await new ServerProcess(impl, true).listening();
      try {
        await h2load(bin, server.port, load, body, options.smoke ? inFlight : inFlight * 50);
        await server.heapStart();
        await measure(bin, server, load, body, calls);
        const rows = await server.heapStop();
        await server.stop();
        totals.push(rows.reduce((sum, e) => sum + e.bytes, 0) / calls);
        for (const e of rows) {
          const key = `${e.name}@${e.where}`;
          const entry = perCall.get(key) ?? { name: e.name, where: e.where, bytes: [0, 0] };
          entry.bytes[i] = e.bytes / calls;
          perCall.set(key, entry);
        }
      } finally {
        server.kill();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [a, b] = impls.map((i) => i.name);
  const rows = [...perCall.values()]
    .sort((x, y) => Math.abs(y.bytes[0] - y.bytes[1]) - Math.abs(x.bytes[0] - x.bytes[1]))
    .slice(0, options.top)
    .map((e) => [e.name, count(e.bytes[0]), count(e.bytes[1]), (e.bytes[0] >= e.bytes[1] ? "+" : "-") + count(Math.abs(e.bytes[0] - e.bytes[1])), e.where]);
  const text =
    `Bytes allocated per call (${load.name}, ${calls} calls each): ${a} ${count(totals[0])}, ${b} ${count(totals[1])}. ` +
    `The functions whose allocations differ most:\n\n${table(["function", `${a} B/call`, `${b} B/call`, "difference", "where"], rows)}\n`;
  console.log(text);
  return text;
}
