import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Case } from "./cases.js";
import type { PeerSetName } from "./peer-sets.js";
import { caseReport, poolResults, summaryReport, type CaseResult, type CodecBenchOptions } from "./codec-bench.js";

/** What one codec-worker process measures. */
export interface CodecWorkerJob {
  peerSet: PeerSetName;
  typeNames: string[];
  options: CodecBenchOptions;
}

/**
 * Runs the codec bench in `processes` fresh processes, one after another (so
 * they never compete for the cores), and prints the tables of all their
 * samples pooled: each process still interleaves the peers round by round.
 */
export function runCodecInProcesses(peerSet: PeerSetName, cases: readonly Case[], options: CodecBenchOptions, processes: number): string {
  const job: CodecWorkerJob = { peerSet, typeNames: cases.map((c) => c.typeName), options };
  const runs: CaseResult[][] = [];
  for (let i = 0; i < processes; i++) {
    const out = execFileSync(process.execPath, [join(__dirname, "codec-worker.js"), JSON.stringify(job)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 26,
    });
    runs.push(JSON.parse(out) as CaseResult[]);
    console.error(`codec process ${i + 1} of ${processes} done`);
  }
  const pooled = poolResults(runs);
  const text = [...pooled.map((r) => caseReport(r, options.subject)), summaryReport(pooled, options.subject)].join("\n");
  console.log(text);
  return text;
}
