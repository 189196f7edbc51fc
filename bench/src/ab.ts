/**
 * In-process A/B of two builds of tsgrpc's codecs:
 *
 *   npm run -w bench ab -- --snapshot DIR          (keep this checkout's build, e.g. main's, as A)
 *   npm run -w bench ab -- --base DIR [--codec binary|json|json-object] [--op encode|decode|both] [--rounds N] [--filter TEXT] [--gc-outside]
 *
 * `--snapshot` copies the built runtime and generated bench classes into DIR.
 * `--base` then loads DIR's classes (each build keeps its own runtime) next to
 * this checkout's (or `--with DIR`'s), checks that both write every bench message the same
 * way, and alternates them round by round in one process: both see the same
 * machine load, JIT and heap, which makes a change of a few percent visible on
 * a shared machine where separate processes differ by 10% to 20%. Each timed
 * batch ends with a full collection (node --expose-gc), so a build pays for its
 * own garbage and not for the other's. Reports this checkout's speed over the
 * base's (median of per-round ratios, with the range) and the ops/s of each.
 *
 * `--codec` picks what is timed: `binary` (toBinary / fromBinary, the default),
 * `json` (toJsonString / fromJsonString) or `json-object` (toJson / fromJson,
 * no text). A per-kind choice in the plugin (which messages get a generated
 * path) is measured by snapshotting a build with one rule and running the other.
 */
import { cpSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { benchCases } from "./cases.js";
import { calibrate, compileLoop, summarize, timeLoop, type Loop } from "./timing.js";
import { count, table } from "./table.js";

const GEN = "bench/dist/gen/tsgrpc/bench/v1";
const FILES = ["user_pb.js", "scalars_pb.js", "collections_pb.js", "document_pb.js"];

interface Message {
  toBinary(): Uint8Array;
  toJsonString(): string;
  toJson(): unknown;
}

interface Codec {
  fromBinary(b: Uint8Array): Message;
  fromJsonString(s: string): Message;
  fromJson(j: unknown): Message;
}

/** What `--codec` times: the two expressions, the input they read, and the output both builds must agree on. */
interface Mode {
  encode: string;
  decode: string;
  input(m: Message): unknown;
  /** What `decode` does, called directly for the check. */
  read(T: Codec, input: unknown): Message;
  output(m: Message): string;
}

const modes: Record<string, Mode> = {
  binary: {
    encode: "m.toBinary()",
    decode: "T.fromBinary(b)",
    input: (m) => m.toBinary().slice(),
    read: (T, b) => T.fromBinary(b as Uint8Array),
    output: (m) => Buffer.from(m.toBinary()).toString("base64"),
  },
  json: {
    encode: "m.toJsonString()",
    decode: "T.fromJsonString(b)",
    input: (m) => m.toJsonString(),
    read: (T, s) => T.fromJsonString(s as string),
    output: (m) => m.toJsonString(),
  },
  "json-object": {
    encode: "m.toJson()",
    decode: "T.fromJson(b)",
    input: (m) => m.toJson(),
    read: (T, j) => T.fromJson(j),
    output: (m) => JSON.stringify(m.toJson()),
  },
};

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** The generated classes of the checkout or snapshot at `root`, by message name. */
function load(root: string): Record<string, Codec> {
  const load = createRequire(join(root, GEN, "/"));
  return Object.assign({}, ...FILES.map((f) => load(`./${f}`) as object)) as Record<string, Codec>;
}

/** Copies the built runtime and generated bench classes of this checkout to `dir`, linked as its own runtime. */
function snapshot(dir: string): void {
  const here = resolve(__dirname, "../../..");
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(here, "runtime/package.json"), join(dir, "runtime/package.json"));
  cpSync(join(here, "runtime/dist"), join(dir, "runtime/dist"), { recursive: true });
  cpSync(join(here, GEN), join(dir, GEN), { recursive: true });
  mkdirSync(join(dir, "node_modules/@tsgrpc"), { recursive: true });
  symlinkSync("../../runtime", join(dir, "node_modules/@tsgrpc/runtime"));
  // The runtime's peer dependency, for `server-ab` (the generated services import @tsgrpc/runtime/grpc).
  symlinkSync(join(here, "node_modules/@grpc"), join(dir, "node_modules/@grpc"));
  console.log(`snapshot of ${here} in ${dir}`);
}

/**
 * CPU seconds of `n` runs followed by the full collection of their garbage;
 * with `gcOutside`, the collection comes before the runs, untimed (for
 * encode, which makes little garbage: a full collection of the whole bench
 * heap then costs more than the runs, and its noise hides theirs).
 */
function timed(loop: Loop, n: number, gc: () => void, gcOutside: boolean): number {
  if (gcOutside) {
    gc();
    return timeLoop(loop, n);
  }
  return timeLoop((k) => {
    loop(k);
    gc();
  }, n);
}

function main(): void {
  const snap = option("--snapshot", "");
  if (snap) return snapshot(resolve(snap));
  const base = option("--base", "");
  const gc = (globalThis as { gc?: () => void }).gc;
  const mode = modes[option("--codec", "binary")];
  if (!base || !gc || !mode)
    throw new Error(
      "usage: node --expose-gc dist/src/ab.js --base DIR [--codec binary|json|json-object] [--op encode|decode|both] [--rounds N] [--filter TEXT] [--gc-outside]",
    );
  const ops = option("--op", "both") === "both" ? ["encode", "decode"] : [option("--op", "both")];
  const rounds = Number(option("--rounds", "9"));
  const filter = option("--filter", "");
  const gcOutside = process.argv.includes("--gc-outside");
  const A = load(resolve(base));
  const B = load(resolve(option("--with", resolve(__dirname, "../../.."))));
  const rows: string[][] = [];
  for (const c of benchCases()) {
    if (filter && !c.name.includes(filter)) continue;
    const name = c.typeName.replace(/^bench\.v1\./, "");
    const ref = B[name].fromJson(c.json).toBinary().slice();
    const input = mode.input(B[name].fromBinary(ref));
    // Each build writes a message it read from that input itself, as `npm run bench` does (a map read from JSON
    // may be held otherwise than one read from binary).
    const a = mode.read(A[name], input);
    const b = mode.read(B[name], input);
    // Both must read the input back to the message it came from, and write it the same.
    if (mode.output(a) !== mode.output(b) || mode.output(b) !== mode.output(B[name].fromBinary(ref))) {
      throw new Error(`${c.name}: the base and this checkout write or read differently`);
    }
    for (const op of ops) {
      const expr = op === "encode" ? mode.encode : mode.decode;
      const loopA = compileLoop(expr, { T: A[name], b: input, m: a });
      const loopB = compileLoop(expr, { T: B[name], b: input, m: b });
      // Sized on both, so a round is the same number of runs of each.
      const n = Math.max(calibrate(loopA, 0.15), calibrate(loopB, 0.15));
      const ratios: number[] = [];
      const perA: number[] = [];
      const perB: number[] = [];
      for (let r = 0; r < rounds; r++) {
        // Alternate which goes first, so neither always runs after the other's warm caches.
        const [first, second] = r % 2 ? [loopB, loopA] : [loopA, loopB];
        const t1 = timed(first, n, gc, gcOutside);
        const t2 = timed(second, n, gc, gcOutside);
        const [ta, tb] = r % 2 ? [t2, t1] : [t1, t2];
        ratios.push(ta / tb);
        perA.push(n / ta);
        perB.push(n / tb);
      }
      const s = summarize(ratios);
      rows.push([
        c.name,
        op,
        `${s.median.toFixed(2)}x`,
        `${Math.min(...ratios).toFixed(2)}..${Math.max(...ratios).toFixed(2)}`,
        count(summarize(perA).median),
        count(summarize(perB).median),
      ]);
      console.error(`${c.name} ${op}: ${s.median.toFixed(2)}x`);
    }
  }
  console.log(table(["message", "op", "this / base", "range", "base ops/s", "this ops/s"], rows));
}

main();
