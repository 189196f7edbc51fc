/**
 * Child process: runs one scenario against a server already listening.
 * argv: implementation name, port, scenario name, JSON ScenarioSizes.
 * Prints one JSON line: the ScenarioResult and the client's peak RSS.
 */
import { rpcImpl } from "./impls/index.js";
import { isScenario, runScenario, type ScenarioSizes } from "./scenarios.js";

async function main(): Promise<void> {
  const [name, port, scenario, sizes] = process.argv.slice(2);
  if (!isScenario(scenario)) throw new Error(`unknown scenario "${scenario}"`);
  const client = rpcImpl(name).connect(Number(port));
  const result = await runScenario(client, scenario, JSON.parse(sizes) as ScenarioSizes);
  client.close();
  process.stdout.write(JSON.stringify({ result, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
