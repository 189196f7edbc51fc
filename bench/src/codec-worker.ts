/**
 * Child process of `npm run bench -- --processes N`: measures the codec
 * cases named by its argument (JSON: CodecWorkerJob) in a fresh process and
 * prints the results as one JSON line for the parent to pool.
 */
import { benchCases } from "./cases.js";
import { measureCodec } from "./codec-bench.js";
import type { CodecWorkerJob } from "./codec-processes.js";
import { peerSets } from "./peer-sets.js";

const job = JSON.parse(process.argv[2]) as CodecWorkerJob;
const cases = benchCases().filter((c) => job.typeNames.includes(c.typeName));
process.stdout.write(JSON.stringify(measureCodec(cases, peerSets[job.peerSet], job.options)) + "\n");
