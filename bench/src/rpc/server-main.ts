/**
 * Child process: serves bench.v1.BenchService with one implementation.
 * Prints `{"port":N}` once listening, answers each `cpu` line on stdin with
 * `{"cpuMicros":N}` (its CPU time so far) and, when started with
 * `--count-statuses`, each `statuses` line with `{"statuses":{code:count}}`,
 * `heap-start` with `{}` once V8's sampling heap profiler runs and
 * `heap-stop` with `{"allocations":[{name,where,bytes}]}` (heap-sampling.ts);
 * when stdin closes (the parent is done or gone) stops, prints
 * `{"maxRssBytes":N}` and exits.
 */
import { createInterface } from "node:readline";
import { startHeapSampling, type Allocation } from "../heap-sampling.js";
import { countGrpcStatuses } from "./grpc-status-count.js";
import { rpcImpl } from "./impls/index.js";

async function main(): Promise<void> {
  const statuses = process.argv[3] === "--count-statuses" ? countGrpcStatuses() : undefined;
  const { port, stop } = await rpcImpl(process.argv[2]).serve();
  process.stdout.write(JSON.stringify({ port }) + "\n");
  const commands = createInterface({ input: process.stdin });
  let stopSampling: (() => Promise<Allocation[]>) | undefined;
  const reply = (o: object) => process.stdout.write(JSON.stringify(o) + "\n");
  commands.on("line", (line) => {
    if (line === "heap-start") {
      void startHeapSampling().then((stop) => {
        stopSampling = stop;
        reply({});
      });
    } else if (line === "heap-stop" && stopSampling) {
      void stopSampling().then((allocations) => reply({ allocations }));
    }
    const cpu = process.cpuUsage();
    if (line === "cpu") reply({ cpuMicros: cpu.user + cpu.system });
    else if (line === "statuses" && statuses) reply({ statuses: statuses() });
  });
  commands.on("close", () => {
    void stop().then(() => {
      process.stdout.write(JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + "\n");
      process.exit(0);
    });
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
