/**
 * `npm run -w bench profile -- [--set binary|json|json-objects] [--peer tsgrpc] [--filter TEXT] [--op encode|decode] [--seconds S] [--heap] [--save FILE]`
 *
 * Runs one peer's encode or decode loop under the V8 CPU profiler (the same
 * profiler as `node --cpu-prof`) and prints where the time goes, by function
 * self time: the starting point for making a codec faster. `--save` also
 * writes the .cpuprofile for Chrome DevTools. With `--heap`, the V8 sampling
 * heap profiler instead (as `node --heap-prof`, counting objects young
 * collections freed too): bytes allocated per operation, by the function
 * that allocated them.
 */
import { writeFileSync } from "node:fs";
import { Session, type Profiler } from "node:inspector";
import { fromJson, toBinary } from "@bufbuild/protobuf";
import { benchCases } from "./cases.js";
import { peerSets, type PeerSetName } from "./peer-sets.js";
import { esSchema } from "./peers/protobuf-es.js";
import { table } from "./table.js";
import { compileLoop, calibrate, timeLoop } from "./timing.js";
import { frame, post, startHeapSampling } from "./heap-sampling.js";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** Self time per function, heaviest first. */
function selfTimes(profile: Profiler.Profile): { name: string; where: string; share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ticks = new Map<number, number>();
  for (const id of profile.samples ?? []) ticks.set(id, (ticks.get(id) ?? 0) + 1);
  const total = profile.samples?.length ?? 1;
  const byFunction = new Map<string, { name: string; where: string; ticks: number }>();
  for (const [id, n] of ticks) {
    const { name, where } = frame(byId.get(id)!.callFrame);
    const key = `${name}@${where}`;
    const entry = byFunction.get(key) ?? { name, where, ticks: 0 };
    entry.ticks += n;
    byFunction.set(key, entry);
  }
  return [...byFunction.values()].sort((a, b) => b.ticks - a.ticks).map((e) => ({ name: e.name, where: e.where, share: e.ticks / total }));
}

async function main(): Promise<void> {
  const set = option("--set", "binary") as PeerSetName;
  const peers = peerSets[set];
  if (!peers) throw new Error(`unknown --set; known: ${Object.keys(peerSets).join(", ")}`);
  const peer = peers.find((p) => p.name === option("--peer", "tsgrpc"));
  if (!peer) throw new Error(`unknown peer; known: ${peers.map((p) => p.name).join(", ")}`);
  const filter = option("--filter", "bench.v1.User");
  const c = benchCases().find((x) => x.name.includes(filter) || x.typeName.includes(filter));
  if (!c) throw new Error(`no message matches ${filter}`);
  const op = option("--op", "decode");
  const seconds = Number(option("--seconds", "3"));
  const schema = esSchema(c.typeName);
  const T = peer.type(c.typeName);
  const b = peer.input(c.typeName, toBinary(schema, fromJson(schema, c.json as never)));
  const decode = compileLoop(peer.decode, { lib: peer.lib, T, b });
  const loop = op === "encode" ? compileLoop(peer.encode, { lib: peer.lib, T, m: decode(1) }) : decode;
  const n = calibrate(loop, 0.1);
  const run = () => {
    let spent = 0;
    let runs = 0;
    while (spent < seconds) {
      spent += timeLoop(loop, n);
      runs += n;
    }
    return { runs, spent };
  };
  if (process.argv.includes("--heap")) {
    const stop = await startHeapSampling();
    const { runs } = run();
    const rows = await stop();
    const total = rows.reduce((sum, e) => sum + e.bytes, 0);
    const kb = (bytes: number) => `${(bytes / runs / 1024).toFixed(2)} KB`;
    console.log(`${peer.name} ${set} ${op} ${c.typeName}: ${kb(total)} allocated per operation (sampled every 128 bytes, ${runs} operations)\n`);
    const top = rows.slice(0, Number(option("--top", "25"))).map((e) => [e.name, kb(e.bytes), `${((100 * e.bytes) / total).toFixed(1)}%`, e.where]);
    console.log(table(["function", "per op", "share", "where"], top));
    return;
  }
  const session = new Session();
  session.connect();
  await post(session, "Profiler.enable");
  await post(session, "Profiler.setSamplingInterval", { interval: 100 });
  await post(session, "Profiler.start");
  const { runs, spent } = run();
  const { profile } = await post<{ profile: Profiler.Profile }>(session, "Profiler.stop");
  session.disconnect();
  const save = option("--save", "");
  if (save) writeFileSync(save, JSON.stringify(profile));
  console.log(`${peer.name} ${set} ${op} ${c.typeName}: ${Math.round(runs / spent).toLocaleString("en-US")} ops/s (CPU time, under the profiler)\n`);
  const rows = selfTimes(profile)
    .slice(0, Number(option("--top", "25")))
    .map((e) => [e.name, `${(e.share * 100).toFixed(1)}%`, e.where]);
  console.log(table(["function", "self", "where"], rows));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
