/**
 * The messages the bench encodes and decodes, written once as proto3 JSON
 * (the form every peer can be checked against). Content is pseudo-random but
 * seeded, so every run measures the same bytes.
 */
export interface Case {
  /** Short label printed in the tables. */
  readonly name: string;
  /** Fully qualified message name, looked up in each peer's generated code. */
  readonly typeName: string;
  /** The message in canonical proto3 JSON. */
  readonly json: object;
}

/** Park–Miller generator: deterministic content without a dependency. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

const words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"];
const roles = ["ROLE_READER", "ROLE_WRITER", "ROLE_ADMIN"];

function pick<T>(rnd: () => number, from: readonly T[]): T {
  return from[Math.floor(rnd() * from.length)];
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

function randomBytes(rnd: () => number, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
  return b;
}

function user(rnd: () => number, i: number): object {
  const first = pick(rnd, words);
  const last = pick(rnd, words);
  const seconds = 1_700_000_000 + Math.floor(rnd() * 10_000_000);
  return {
    id: `usr_${(100000 + i).toString(36)}_${Math.floor(rnd() * 1e9).toString(36)}`,
    name: `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`,
    email: `${first}.${last}${i}@mail.example.com`,
    age: 18 + Math.floor(rnd() * 60),
    createdAt: String(1_600_000_000_000 + Math.floor(rnd() * 1e11)),
    role: pick(rnd, roles),
    tags: [pick(rnd, words), pick(rnd, words), pick(rnd, words), `team-${Math.floor(rnd() * 100)}`],
    lastLogin: new Date(seconds * 1000 + Math.floor(rnd() * 1000)).toISOString(),
    labels: {
      region: pick(rnd, ["eu-west-1", "us-east-2", "ap-south-1"]),
      tier: pick(rnd, ["free", "pro", "enterprise"]),
      source: pick(rnd, ["signup-form", "sso-okta", "api-import"]),
    },
    active: rnd() < 0.8,
    score: Math.round(rnd() * 1e6) / 100,
  };
}

function scalarMix(rnd: () => number): object {
  const inner = {
    a: 1 + Math.floor(rnd() * 1000),
    b: -Math.floor(rnd() * 1e6),
    c: String(Math.floor(rnd() * 1e15)),
    d: "the quick brown fox jumps over the lazy dog",
    e: true,
    f: 3.141592653589793,
    g: 4_000_000_000,
    h: "sub-message string field with some text in it",
    i: true,
    j: 77,
  };
  return {
    name: "google_message1-like benchmark message",
    i32: 123456,
    i64: "-9007199254740993",
    u32: 4294967295,
    u64: "18446744073709551615",
    s32: -1234567,
    s64: "-123456789012345",
    f32: 305419896,
    f64: "1311768467463790320",
    sf32: -19088744,
    sf64: "-81985529216486895",
    ratio: 0.5,
    amount: 12345.6789,
    flag: true,
    digest: base64(randomBytes(rnd, 32)),
    level: "LEVEL_HIGH",
    description: "Free text of the kind a record carries: " + words.slice(0, 6).join(" "),
    ids: Array.from({ length: 8 }, () => String(Math.floor(rnd() * 1e15))),
    counts: Array.from({ length: 12 }, () => Math.floor(rnd() * 100000) - 5000),
    inner,
    high1: 130,
    high2: 271,
    high3: true,
    high4: "field number one thousand",
    high5: "2047",
  };
}

function inventory(rnd: () => number): object {
  const stock: Record<string, string> = {};
  const names: Record<string, string> = {};
  const items: Record<string, object> = {};
  const flags: Record<string, boolean> = {};
  for (let i = 0; i < 100; i++) {
    stock[`sku-${i}-${pick(rnd, words)}`] = String(Math.floor(rnd() * 1e6));
    names[String(i * 7919 - 300000)] = `${pick(rnd, words)} ${pick(rnd, words)}`;
    flags[String(i * 104729)] = rnd() < 0.5;
  }
  for (let i = 0; i < 50; i++) {
    items[`item-${i}`] = { sku: `SKU${100000 + i}`, quantity: 1 + Math.floor(rnd() * 500), price: Math.round(rnd() * 100000) / 100 };
  }
  return { stock, names, items, flags };
}

function series(rnd: () => number): object {
  const n = 4096;
  const start = 1_700_000_000_000;
  return {
    values: Array.from({ length: n }, () => rnd() * 1000 - 500),
    timestamps: Array.from({ length: n }, (_, i) => String(start + i * 1000)),
    deltas: Array.from({ length: n }, () => Math.floor(rnd() * 2000) - 1000),
    counts: Array.from({ length: n }, () => Math.floor(rnd() * 1e6)),
    weights: Array.from({ length: n }, () => Math.fround(rnd())),
  };
}

function blob(rnd: () => number): object {
  const size = 64 * 1024;
  let text = "";
  // Mostly ASCII prose with some multi-byte characters, as real text is.
  while (text.length < size) text += rnd() < 0.02 ? "héllo wörld — ✓ " : pick(rnd, words) + " ";
  return { text: text.slice(0, size), data: base64(randomBytes(rnd, size)) };
}

/** A list endpoint's answer: `n` user records and the token of the next page. */
function page(rnd: () => number, n: number): object {
  return { users: Array.from({ length: n }, (_, i) => user(rnd, i)), nextPageToken: "eyJvZmZzZXQiOjUwfQ", totalSize: 5000 };
}

const kinds = ["NODE_KIND_SECTION", "NODE_KIND_PARAGRAPH", "NODE_KIND_LIST", "NODE_KIND_QUOTE"];

function sentence(rnd: () => number, length: number): string {
  return Array.from({ length }, () => pick(rnd, words)).join(" ");
}

/**
 * A node of the document tree: sections branch (two or three children) down
 * to `depth` 0, where paragraphs of text end each branch. Offsets count the
 * text before the node, as a parser would record them.
 */
function node(rnd: () => number, depth: number, at: { offset: number }): object {
  const leaf = depth === 0;
  const text = leaf ? sentence(rnd, 8 + Math.floor(rnd() * 12)) : sentence(rnd, 2 + Math.floor(rnd() * 3));
  const n: Record<string, unknown> = {
    kind: leaf ? pick(rnd, kinds.slice(1)) : kinds[0],
    text,
    offset: String(at.offset),
  };
  at.offset += text.length;
  if (rnd() < 0.3) n.attributes = { id: `n${Math.floor(rnd() * 1e6).toString(36)}`, lang: pick(rnd, ["en", "de", "fr"]) };
  if (rnd() < 0.5) n.classes = [pick(rnd, words), pick(rnd, words)];
  if (!leaf) n.children = Array.from({ length: 2 + (rnd() < 0.25 ? 1 : 0) }, () => node(rnd, depth - 1, at));
  return n;
}

/** About 1 MB: a tree of 12 levels of nodes under the document. */
function document(rnd: () => number): object {
  return {
    id: "doc_6f1c2a",
    title: "Operations handbook, revision 42",
    metadata: { author: "docs-team", revision: "42", generator: "bench" },
    root: node(rnd, 11, { offset: 0 }),
  };
}

export function benchCases(): Case[] {
  const rnd = seeded(42);
  // Drawn in this order so each message's content is what earlier runs measured.
  const single = user(rnd, 1);
  const mix = scalarMix(rnd);
  const page50 = page(rnd, 50);
  const maps = inventory(rnd);
  const packed = series(rnd);
  const blob64 = blob(rnd);
  return [
    { name: "user (~200 B)", typeName: "bench.v1.User", json: single },
    { name: "scalar mix (~500 B)", typeName: "bench.v1.ScalarMix", json: mix },
    { name: "page of 10 (~2 KB)", typeName: "bench.v1.UserPage", json: page(seeded(10), 10) },
    { name: "page of 50 (~9 KB)", typeName: "bench.v1.UserPage", json: page50 },
    { name: "page of 500 (~95 KB)", typeName: "bench.v1.UserPage", json: page(seeded(500), 500) },
    { name: "document (~1 MB, 13 levels)", typeName: "bench.v1.Document", json: document(seeded(1000)) },
    { name: "maps", typeName: "bench.v1.Inventory", json: maps },
    { name: "packed numbers", typeName: "bench.v1.Series", json: packed },
    { name: "64 KB string+bytes", typeName: "bench.v1.Blob", json: blob64 },
  ];
}
