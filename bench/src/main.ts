import { benchCases } from "./cases.js";
import { runCodecBench } from "./codec-bench.js";
import type { Peer } from "./peer.js";
import { nativeJson } from "./peers/json.js";
import { protobufEs } from "./peers/protobuf-es.js";
import { protobufJs } from "./peers/protobufjs.js";
import { tsProto } from "./peers/ts-proto.js";
import { tsgrpc } from "./peers/tsgrpc.js";

interface Args {
  smoke: boolean;
  rounds: number;
  batchSeconds: number;
  filter?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { smoke: false, rounds: 7, batchSeconds: 0.05 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--smoke") args.smoke = true;
    else if (a === "--rounds") args.rounds = Number(value());
    else if (a === "--batch-ms") args.batchSeconds = Number(value()) / 1000;
    else if (a === "--filter") args.filter = value();
    else throw new Error(`unknown argument ${a}; known: --smoke, --rounds N, --batch-ms MS, --filter TEXT`);
  }
  if (!(args.rounds >= 1) || !(args.batchSeconds > 0)) throw new Error("--rounds and --batch-ms must be positive");
  if (args.smoke) args.rounds = 1;
  return args;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const peers: Peer[] = [tsgrpc, protobufEs, tsProto, protobufJs, nativeJson];
  const cases = benchCases().filter((c) => !args.filter || c.name.includes(args.filter) || c.typeName.includes(args.filter));
  console.log(`# tsgrpc codec bench: node ${process.version}, ${args.smoke ? "smoke run" : `${args.rounds} rounds`}\n`);
  runCodecBench(cases, peers, { rounds: args.rounds, batchSeconds: args.batchSeconds, smoke: args.smoke, subject: "tsgrpc" });
}

main();
