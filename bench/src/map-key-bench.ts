import { BinaryReader, BinaryWriter } from "@tsgrpc/runtime";
import { count, percent, ratio, table } from "./table.js";
import { calibrate, compileLoop, summarize, timeLoop } from "./timing.js";

/**
 * What tsgrpc's cache of string map keys (runtime/src/wire/map-keys.ts) is
 * worth, and what it costs when keys never repeat: the codec bench decodes
 * the same message over and over, so its map keys always repeat. Each
 * message is 100 keys, each stored into a fresh null-prototype object as
 * generated code does, read with `string()` (no cache) and `mapKey()`.
 */

const KEYS = 100;

function messages(count: number, key: (m: number, j: number) => string): Uint8Array[] {
  return Array.from({ length: count }, (_, m) => {
    const w = new BinaryWriter();
    for (let j = 0; j < KEYS; j++) w.string(key(m, j));
    return w.finish();
  });
}

function decodeAll(read: "string" | "mapKey"): (bytes: Uint8Array) => object {
  return (bytes) => {
    const r = new BinaryReader(bytes);
    const map = Object.create(null) as Record<string, number>;
    for (let j = 0; r.pos < r.len; j++) map[r[read]()] = j;
    return map;
  };
}

export function runMapKeyBench(options: { rounds: number; batchSeconds: number; smoke: boolean }): void {
  const workloads = [
    // Labels, attributes, SKUs: the same vocabulary in every message.
    { name: "the same 100 keys in every message", inputs: messages(1, (_, j) => `sku-${j}-${["alpha", "bravo", "charlie"][j % 3]}`) },
    // Keyed by ids: 200 000 distinct keys, far more than the cache's 1024 slots.
    {
      name: "100 unique keys per message (ids)",
      inputs: messages(2000, (m, j) => `usr_${(m * KEYS + j).toString(36)}_${((m * 7919 + j * 104729) % 1e9).toString(36)}`),
    },
  ];
  const rows = workloads.map(({ name, inputs }) => {
    const cells = (["string", "mapKey"] as const).map((read) => {
      const loop = compileLoop("decode(inputs[i % inputs.length])", { decode: decodeAll(read), inputs });
      return { loop, n: options.smoke ? 2 : calibrate(loop, options.batchSeconds), nsPerKey: [] as number[] };
    });
    // The two reads alternate round by round, so drift on the machine touches both alike.
    for (let round = 0; round < options.rounds; round++) {
      for (const cell of cells) cell.nsPerKey.push((timeLoop(cell.loop, cell.n) / cell.n / KEYS) * 1e9);
    }
    const [plain, cached] = cells.map((c) => summarize(c.nsPerKey));
    return [name, count(plain.median), percent(plain.spread), count(cached.median), percent(cached.spread), ratio(plain.median / cached.median)];
  });
  console.log(table(["workload", "string() ns/key", "±", "mapKey() ns/key", "±", "speed-up"], rows) + "\n");
}
