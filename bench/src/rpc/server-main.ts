/**
 * Child process: serves bench.v1.BenchService with one implementation.
 * Prints `{"port":N}` once listening; when its stdin closes (the parent is
 * done or gone) it stops, prints `{"maxRssBytes":N}` and exits.
 */
import { rpcImpl } from "./impls/index.js";

async function main(): Promise<void> {
  const { port, stop } = await rpcImpl(process.argv[2]).serve();
  process.stdout.write(JSON.stringify({ port }) + "\n");
  process.stdin.resume();
  process.stdin.on("close", async () => {
    await stop();
    process.stdout.write(JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + "\n");
    process.exit(0);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
