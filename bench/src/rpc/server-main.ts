/**
 * Child process: serves bench.v1.BenchService with one implementation.
 * Prints `{"port":N}` once listening, answers each `cpu` line on stdin with
 * `{"cpuMicros":N}` (its CPU time so far) and, when started with
 * `--count-statuses`, each `statuses` line with `{"statuses":{code:count}}`;
 * when stdin closes (the parent is done or gone) stops, prints
 * `{"maxRssBytes":N}` and exits.
 */
import { createInterface } from "node:readline";
import { countGrpcStatuses } from "./grpc-status-count.js";
import { rpcImpl } from "./impls/index.js";

async function main(): Promise<void> {
  const statuses = process.argv[3] === "--count-statuses" ? countGrpcStatuses() : undefined;
  const { port, stop } = await rpcImpl(process.argv[2]).serve();
  process.stdout.write(JSON.stringify({ port }) + "\n");
  const commands = createInterface({ input: process.stdin });
  commands.on("line", (line) => {
    const cpu = process.cpuUsage();
    if (line === "cpu") process.stdout.write(JSON.stringify({ cpuMicros: cpu.user + cpu.system }) + "\n");
    else if (line === "statuses" && statuses) process.stdout.write(JSON.stringify({ statuses: statuses() }) + "\n");
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
