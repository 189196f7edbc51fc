/**
 * Child process: runs every scenario against a server already listening.
 * argv: implementation name, port, JSON ScenarioSizes. Prints one JSON line:
 * the results by scenario and the client's peak RSS.
 */
import { rpcImpl } from "./impls/index.js";
import { runScenario, scenarioNames, type ScenarioResult } from "./scenarios.js";

async function main(): Promise<void> {
  const [name, port, sizes] = process.argv.slice(2);
  const client = rpcImpl(name).connect(Number(port));
  const results: Record<string, ScenarioResult> = {};
  for (const scenario of scenarioNames) results[scenario] = await runScenario(client, scenario, JSON.parse(sizes));
  client.close();
  process.stdout.write(JSON.stringify({ results, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
