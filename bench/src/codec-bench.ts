import { fromBinary, fromJson, toBinary, toJsonString } from "@bufbuild/protobuf";
import type { Case } from "./cases.js";
import { canonical } from "./content.js";
import type { Peer } from "./peer.js";
import { esSchema } from "./peers/protobuf-es.js";
import { table, count, percent, ratio } from "./table.js";
import { calibrate, compileLoop, summarize, timeLoop, type Loop } from "./timing.js";

export interface CodecBenchOptions {
  rounds: number;
  /** Seconds per timed batch. */
  batchSeconds: number;
  /** Smoke mode: a couple of iterations per cell, no calibration. */
  smoke: boolean;
  /** Peer whose ratio to every other peer is printed. */
  subject: string;
}

type Op = "encode" | "decode";

/** The measurements of one (peer, operation) on one message: what the tables are made of. */
export interface Sampled {
  peer: string;
  op: Op;
  /** Bytes moved per operation (binary size, or JSON text length; of a JSON object, its text's). */
  size: number;
  opsPerSecond: number[];
}

/** The results for one message, as printed and as pooled across processes. */
export interface CaseResult {
  name: string;
  typeName: string;
  cells: Sampled[];
}

interface Cell extends Sampled {
  loop: Loop;
  iterations: number;
}

/** Thrown when peers disagree on content: timing them would compare different work. */
export class ContentMismatchError extends Error {}

function expectSame(what: string, expected: string, actual: string): void {
  if (expected === actual) return;
  let i = 0;
  while (expected[i] === actual[i]) i++;
  throw new ContentMismatchError(
    `${what}: content differs from the reference at character ${i}:\n  expected …${expected.slice(Math.max(0, i - 60), i + 60)}\n  actual   …${actual.slice(Math.max(0, i - 60), i + 60)}`,
  );
}

function byteSize(v: unknown): number {
  if (v instanceof Uint8Array) return v.length;
  return Buffer.byteLength(typeof v === "string" ? v : JSON.stringify(v));
}

/**
 * Builds the encode and decode loops of one message for every peer, after
 * checking that each peer decodes the reference bytes to the reference
 * content and that what it encodes reads back to the same content.
 */
function prepare(c: Case, peers: readonly Peer[]): Cell[] {
  const schema = esSchema(c.typeName);
  const reference = toBinary(schema, fromJson(schema, c.json as never));
  const expected = canonical(fromBinary(schema, reference));
  const cells: Cell[] = [];
  for (const peer of peers) {
    const T = peer.type(c.typeName);
    const b = peer.input(c.typeName, reference);
    const decode = compileLoop(peer.decode, { lib: peer.lib, T, b });
    const m = decode(1);
    expectSame(`${peer.name} decoding ${c.typeName}`, expected, canonical(peer.content(c.typeName, m)));
    const encode = compileLoop(peer.encode, { lib: peer.lib, T, m });
    const encoded = encode(1);
    expectSame(`${peer.name} encoding ${c.typeName}`, expected, canonical(peer.readBack(c.typeName, encoded)));
    if (peer.canonicalText) {
      const text = typeof encoded === "string" ? encoded : JSON.stringify(encoded);
      expectSame(`${peer.name} writing ${c.typeName} as canonical JSON`, toJsonString(schema, fromBinary(schema, reference)), text);
    }
    cells.push({ peer: peer.name, op: "decode", loop: decode, size: byteSize(b), iterations: 2, opsPerSecond: [] });
    cells.push({ peer: peer.name, op: "encode", loop: encode, size: byteSize(encoded), iterations: 2, opsPerSecond: [] });
  }
  return cells;
}

/**
 * Runs every cell once per round, rotating the peers' order from round to
 * round so drift (thermal, other load on the machine) spreads over all peers.
 */
function measure(cells: readonly Cell[], peerCount: number, options: CodecBenchOptions): void {
  if (!options.smoke) {
    for (const cell of cells) cell.iterations = calibrate(cell.loop, options.batchSeconds);
  }
  const perPeer = cells.length / peerCount;
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < perPeer; k++) {
      for (let j = 0; j < peerCount; j++) {
        const cell = cells[((j + round) % peerCount) * perPeer + k];
        cell.opsPerSecond.push(cell.iterations / timeLoop(cell.loop, cell.iterations));
      }
    }
  }
}

/** The table of one message: every peer's ops/s, spread and MB/s, and the subject's ratio to each. */
export function caseReport(r: CaseResult, subject: string): string {
  const find = (peer: string, op: Op) => r.cells.find((x) => x.peer === peer && x.op === op);
  const header = ["peer", "encode ops/s", "±", "MB/s", "decode ops/s", "±", "MB/s", `${subject}/peer enc`, "dec"];
  const rows = [...new Set(r.cells.map((x) => x.peer))].map((name) => {
    const row = [name];
    const ratios: string[] = [];
    for (const op of ["encode", "decode"] as const) {
      const cell = find(name, op)!;
      const s = summarize(cell.opsPerSecond);
      row.push(count(s.median), percent(s.spread), count((s.median * cell.size) / 1e6));
      const mine = find(subject, op);
      ratios.push(mine && name !== subject ? ratio(summarize(mine.opsPerSecond).median / s.median) : "");
    }
    return [...row, ...ratios];
  });
  const sizes = [...new Set(r.cells.filter((x) => x.op === "decode").map((x) => x.size))].join(" / ");
  return `### ${r.name} (${r.typeName}, ${sizes} bytes)\n\n${table(header, rows)}\n`;
}

function median(r: CaseResult, peer: string, op: Op): number {
  return summarize(r.cells.find((x) => x.peer === peer && x.op === op)!.opsPerSecond).median;
}

/** tsgrpc's median over each other peer's, per message and operation: the headline. */
function ratioSummary(results: readonly CaseResult[], subject: string): string {
  const others = [...new Set(results[0].cells.map((x) => x.peer))].filter((p) => p !== subject);
  const header = ["message", ...others.flatMap((p) => [`vs ${p} enc`, "dec"])];
  const rows = results.map((r) => [
    r.name,
    ...others.flatMap((p) => (["encode", "decode"] as const).map((op) => ratio(median(r, subject, op) / median(r, p, op)))),
  ]);
  return `### ${subject} / peer (median ops/s ratio; above 1.00x means ${subject} is faster)\n\n${table(header, rows)}\n`;
}

/** Median ops/s of every peer, one row per message and operation. */
function overview(results: readonly CaseResult[]): string {
  const names = [...new Set(results[0].cells.map((x) => x.peer))];
  const rows = results.flatMap((r) => (["encode", "decode"] as const).map((op) => [`${r.name} ${op}`, ...names.map((p) => count(median(r, p, op)))]));
  return `### ops/s (median)\n\n${table(["message", ...names], rows)}\n`;
}

/** Checks and measures every case in this process; `onCase` sees each one as it is done. */
export function measureCodec(
  cases: readonly Case[],
  peers: readonly Peer[],
  options: CodecBenchOptions,
  onCase: (r: CaseResult) => void = () => {},
): CaseResult[] {
  return cases.map((c) => {
    const cells = prepare(c, peers);
    measure(cells, peers.length, options);
    const r = { name: c.name, typeName: c.typeName, cells: cells.map(({ peer, op, size, opsPerSecond }) => ({ peer, op, size, opsPerSecond })) };
    onCase(r);
    return r;
  });
}

/**
 * Results of several processes as one: each cell's samples from all of them.
 * Separate processes of the same code differ by 10 to 20% on a busy VM, so
 * pooling their samples steadies the medians that one process would give.
 */
export function poolResults(runs: readonly (readonly CaseResult[])[]): CaseResult[] {
  return runs[0].map((first, i) => ({
    ...first,
    cells: first.cells.map((cell, j) => ({ ...cell, opsPerSecond: runs.flatMap((run) => run[i].cells[j].opsPerSecond) })),
  }));
}

/** The overview and ratio summary of all messages ("" when none was measured). */
export function summaryReport(results: readonly CaseResult[], subject: string): string {
  if (results.length === 0) return "";
  const parts = [overview(results)];
  if (results[0].cells.some((x) => x.peer === subject)) parts.push(ratioSummary(results, subject));
  return parts.join("\n");
}

/** Checks, measures and prints every case, then the overview and ratio summary; returns all printed text. */
export function runCodecBench(cases: readonly Case[], peers: readonly Peer[], options: CodecBenchOptions): string {
  const out: string[] = [];
  const print = (text: string) => {
    console.log(text);
    out.push(text);
  };
  const results = measureCodec(cases, peers, options, (r) => print(caseReport(r, options.subject)));
  const summary = summaryReport(results, options.subject);
  if (summary) print(summary);
  return out.join("\n");
}
