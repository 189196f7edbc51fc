import os from "node:os";
import { benchCases } from "./cases.js";
import { runCodecBench } from "./codec-bench.js";
import { runCodecInProcesses } from "./codec-processes.js";
import { runMapKeyBench } from "./map-key-bench.js";
import { runValidateBench } from "./validate-bench.js";
import { peerSets, type PeerSetName } from "./peer-sets.js";
import { rpcImpls, telemetryImpls, validationImpls } from "./rpc/impls/index.js";
import { findH2load } from "./rpc/find-h2load.js";
import { runH2loadAllocations, runH2loadBench } from "./rpc/h2load-bench.js";
import { runRpcBench } from "./rpc/rpc-bench.js";
import { runTelemetryInProcess } from "./rpc/telemetry-in-process.js";

const usage = `npm run bench -- [options]
  --smoke           a few iterations of everything (checks that the bench works, measures nothing)
  --only codec|json|text|keys|validate|rpc|otel|h2load  run one part (codec: binary; json: ProtoJSON text and objects; text: protobuf text format;
                    keys: what the map-key cache is worth; validate: generated validators against protovalidate-es; otel: tsgrpc with @tsgrpc/runtime/otel's interceptors against none;
                    h2load: the servers under Debian's h2load, package nghttp2-client)
  --rounds N        codec rounds (default 7)
  --processes N     codec, json, text: run in N fresh processes one after another and pool their samples (default 1)
  --batch-ms MS     codec, json, text: CPU time per measured batch (default 100)
  --filter TEXT     codec, json, text: only messages whose name or type contains TEXT
  --rpc-rounds N    RPC rounds, each a fresh server and client process per implementation (default 5)
  --rpc-seconds S   RPC: seconds of unary calls and of ping-pong per scenario (default 2)
  --stream N        RPC: messages per streaming call (default 100000)
  --h2load-rounds N      h2load: rounds, each a fresh server per implementation (default 6)
  --h2load-seconds S     h2load: about how long each measured run lasts (default 3)
  --h2load-heap N        h2load: instead of the rates, the bytes each server allocates per unary call, by function, over N calls`;

const parts = ["codec", "json", "text", "keys", "validate", "rpc", "otel", "h2load"] as const;
type Part = (typeof parts)[number];

interface Args {
  smoke: boolean;
  only?: Part;
  rounds: number;
  processes: number;
  batchSeconds: number;
  filter?: string;
  rpcRounds: number;
  rpcSeconds: number;
  streamMessages: number;
  h2loadRounds: number;
  h2loadSeconds: number;
  h2loadHeap?: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    smoke: false,
    rounds: 7,
    processes: 1,
    batchSeconds: 0.1,
    rpcRounds: 5,
    rpcSeconds: 2,
    streamMessages: 100_000,
    h2loadRounds: 6,
    h2loadSeconds: 3,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${usage}`);
      return v;
    };
    const positive = () => {
      const v = Number(value());
      if (!(v > 0)) throw new Error(`${a} must be a positive number\n${usage}`);
      return v;
    };
    if (a === "--smoke") args.smoke = true;
    else if (a === "--only") {
      const v = value() as Part;
      if (!parts.includes(v)) throw new Error(`--only takes ${parts.join(", ")}\n${usage}`);
      args.only = v;
    } else if (a === "--rounds") args.rounds = positive();
    else if (a === "--processes") args.processes = Math.round(positive());
    else if (a === "--batch-ms") args.batchSeconds = positive() / 1000;
    else if (a === "--filter") args.filter = value();
    else if (a === "--rpc-rounds") args.rpcRounds = positive();
    else if (a === "--rpc-seconds") args.rpcSeconds = positive();
    else if (a === "--stream") args.streamMessages = Math.round(positive());
    else if (a === "--h2load-rounds") args.h2loadRounds = Math.round(positive());
    else if (a === "--h2load-seconds") args.h2loadSeconds = positive();
    else if (a === "--h2load-heap") args.h2loadHeap = Math.round(positive());
    else throw new Error(`unknown argument ${a}\n${usage}`);
  }
  if (args.smoke)
    Object.assign(args, { rounds: 1, processes: Math.min(args.processes, 2), rpcRounds: 1, rpcSeconds: 0.1, streamMessages: 200, h2loadRounds: 1 });
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, node ${process.version}, ${process.platform}/${process.arch}`;
  console.log(`# tsgrpc bench: ${machine}${args.smoke ? ", smoke run (numbers mean nothing)" : ""}\n`);
  const runs = (part: Args["only"]) => args.only === undefined || args.only === part;
  const cases = benchCases().filter((c) => !args.filter || c.name.includes(args.filter) || c.typeName.includes(args.filter));
  const codecPart = (title: string, peerSet: PeerSetName) => {
    const where = args.processes > 1 ? `, ${args.processes} processes pooled` : "";
    console.log(`## ${title} (${args.rounds} rounds${where}, process CPU time)\n`);
    const peers = peerSets[peerSet];
    const options = { rounds: args.rounds, batchSeconds: args.batchSeconds, smoke: args.smoke, subject: peers[0].name };
    if (args.processes > 1) runCodecInProcesses(peerSet, cases, options, args.processes);
    else runCodecBench(cases, peers, options);
  };
  if (runs("codec")) codecPart("Encode / decode", "binary");
  if (runs("json")) {
    codecPart("ProtoJSON text: encode = message to JSON text, decode = JSON text to message", "json");
    codecPart("ProtoJSON objects: encode = message to JSON object, decode = JSON object to message (no text)", "json-objects");
  }
  if (runs("text")) codecPart("Text format: encode = message to text format, decode = text format to message", "text");
  if (runs("keys")) {
    console.log(`## tsgrpc's map-key cache (${args.rounds} rounds, process CPU time)\n`);
    runMapKeyBench({ rounds: args.rounds, batchSeconds: args.batchSeconds, smoke: args.smoke });
  }
  if (runs("validate")) {
    console.log(
      `## Validation: generated validators against protovalidate-es (${args.rounds} rounds, interleaved in one process, process CPU time; a shared machine, so noisy)\n`,
    );
    runValidateBench({ rounds: args.rounds, batchSeconds: args.batchSeconds, smoke: args.smoke });
    console.log(
      `## Validation in a server: tsgrpc with validateRequests() against the same server without it and with a pass-through interceptor (${args.rpcRounds} rounds, interleaved)\n`,
    );
    const options = { rounds: args.rpcRounds, seconds: args.rpcSeconds, streamMessages: args.streamMessages, subject: validationImpls[0].name };
    await runRpcBench(validationImpls, { ...options, scenarios: ["unary c=1", "unary c=64", "client streaming"] });
  }
  if (runs("rpc")) {
    console.log(`## RPC over 127.0.0.1 (${args.rpcRounds} rounds, wall clock and CPU time)\n`);
    await runRpcBench(rpcImpls, { rounds: args.rpcRounds, seconds: args.rpcSeconds, streamMessages: args.streamMessages, subject: rpcImpls[0].name });
  }
  if (runs("otel")) {
    console.log(
      `## OpenTelemetry interceptors: tsgrpc with @tsgrpc/runtime/otel (spans and metrics exported to nowhere) against none (${args.rpcRounds} rounds, interleaved)\n`,
    );
    const options = { rounds: args.rpcRounds, seconds: args.rpcSeconds, streamMessages: args.streamMessages, subject: telemetryImpls[0].name };
    await runRpcBench(telemetryImpls, { ...options, scenarios: ["unary c=1", "unary c=64", "server streaming"] });
    await runTelemetryInProcess({ rounds: args.smoke ? 2 : 300, calls: args.smoke ? 10 : 20 });
  }
  if (runs("h2load")) {
    const bin = findH2load();
    if (!bin) {
      console.log("## Servers under h2load: SKIPPED, h2load is not installed (Debian/Ubuntu: apt-get install nghttp2-client)\n");
    } else if (args.h2loadHeap !== undefined) {
      console.log(`## Servers under h2load: allocations per call (V8 sampling heap profiler, garbage included)\n`);
      await runH2loadAllocations(bin, [rpcImpls[0], rpcImpls[1]], { calls: args.h2loadHeap, top: 20, smoke: args.smoke });
    } else {
      console.log(`## Servers under h2load (${args.h2loadRounds} rounds, alternated)\n`);
      // The raw grpc-js server with tsgrpc's codec is the floor for what tsgrpc's server layer costs.
      await runH2loadBench(bin, rpcImpls.slice(0, 2), {
        rounds: args.h2loadRounds,
        seconds: args.h2loadSeconds,
        streamMessages: 100,
        subject: rpcImpls[0].name,
        smoke: args.smoke,
      });
    }
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
