#!/usr/bin/env node
/**
 * Micro-benchmark of the wire primitives alone (not a test): the same
 * hand-written "generated" encode/decode sequences driven through tsgrpc's
 * BinaryWriter/BinaryReader, @bufbuild/protobuf/wire's and protobuf.js's
 * Writer/Reader (what ts-proto uses; the copy resolved from the repo root,
 * 7.x, written per value: the codec bench in bench/ compares whole generated
 * messages against 8.x and its bulk packed writers). Interleaved rounds, CPU
 * time, medians.
 *
 *   npm run bench:wire -- [rounds] [case,case...] [encode|decode]
 */
"use strict";
const { join } = require("node:path");
const root = join(__dirname, "..", "..");
const { BinaryWriter } = require(join(root, "runtime", "dist", "wire", "writer.js"));
const { BinaryReader } = require(join(root, "runtime", "dist", "wire", "reader.js"));
// The peers as the repository root resolves them (bench/ has a newer protobuf.js of its own).
const es = require(require.resolve("@bufbuild/protobuf/wire", { paths: [root] }));
const pbjs = require(require.resolve("protobufjs/minimal", { paths: [root] }));

const ROUNDS = Number(process.argv[2] ?? 7);
const TARGET_SECONDS = 0.15;

/** A record like a user row: short strings, ints, int64, enum, repeated strings, timestamp, small map. */
const user = {
  id: "u_1234567890",
  name: "Ada Lovelace",
  email: "ada@example.com",
  age: 36,
  createdAt: 1700000000123n,
  role: 2,
  tags: ["admin", "math", "poetry"],
  seconds: 1700000000n,
  nanos: 123000000,
  labels: [
    ["team", "analytical-engine"],
    ["tz", "Europe/London"],
    ["lang", "en"],
  ],
};
const page = Array.from({ length: 50 }, (_, i) => ({ ...user, id: "u_" + i, age: i }));
const doubles = Array.from({ length: 5000 }, (_, i) => i * 1.5 - 1000.25);
const ints = Array.from({ length: 5000 }, (_, i) => (i * 2654435761) | 0);
const asciiLong = "x".repeat(65536);
const unicodeLong = "héllo wörld 😀 ".repeat(4096);

// ---- tsgrpc (the shape generated code has: precomputed tags, chaining) ----
function tgUser(w, u) {
  w.uint32(10).string(u.id).uint32(18).string(u.name).uint32(26).string(u.email).uint32(32).int32(u.age).uint32(40).int64(u.createdAt).uint32(48).int32(u.role);
  for (const t of u.tags) w.uint32(58).string(t);
  w.uint32(66);
  let m = w.fork();
  w.uint32(8).int64(u.seconds).uint32(16).int32(u.nanos);
  w.join(m);
  for (const [k, v] of u.labels) {
    w.uint32(74);
    m = w.fork();
    w.uint32(10).string(k).uint32(18).string(v);
    w.join(m);
  }
}
const tg = {
  user() {
    const w = new BinaryWriter();
    tgUser(w, user);
    return w.finish();
  },
  page() {
    const w = new BinaryWriter();
    for (const u of page) {
      w.uint32(10);
      const m = w.fork();
      tgUser(w, u);
      w.join(m);
    }
    return w.finish();
  },
  doubles() {
    const w = new BinaryWriter();
    w.uint32(10);
    const m = w.fork();
    for (const d of doubles) w.double(d);
    w.join(m);
    return w.finish();
  },
  ints() {
    const w = new BinaryWriter();
    w.uint32(10);
    const m = w.fork();
    for (const d of ints) w.int32(d);
    w.join(m);
    return w.finish();
  },
  strings() {
    return new BinaryWriter().uint32(10).string(asciiLong).uint32(18).string(unicodeLong).finish();
  },
};
function tgReadUser(r, end) {
  const u = { id: "", name: "", email: "", age: 0, createdAt: 0n, role: 0, tags: [], seconds: 0n, nanos: 0, labels: Object.create(null) };
  while (r.pos < end) {
    const t = r.tag();
    switch (t) {
      case 10:
        u.id = r.string();
        break;
      case 18:
        u.name = r.string();
        break;
      case 26:
        u.email = r.string();
        break;
      case 32:
        u.age = r.int32();
        break;
      case 40:
        u.createdAt = r.int64();
        break;
      case 48:
        u.role = r.int32();
        break;
      case 58:
        u.tags.push(r.string());
        break;
      case 66: {
        const e = r.delimitedEnd();
        while (r.pos < e) {
          const t2 = r.tag();
          if (t2 === 8) u.seconds = r.int64();
          else if (t2 === 16) u.nanos = r.int32();
          else r.unknown(u, t2);
        }
        break;
      }
      case 74: {
        const e = r.delimitedEnd();
        let k = "",
          v = "";
        while (r.pos < e) {
          const t2 = r.tag();
          if (t2 === 10) k = r.string();
          else if (t2 === 18) v = r.string();
          else r.unknown(u, t2);
        }
        u.labels[k] = v;
        break;
      }
      default:
        r.unknown(u, t);
    }
  }
  return u;
}
const tgDecode = {
  user: (b) => {
    const r = new BinaryReader(b);
    return tgReadUser(r, r.len);
  },
  page: (b) => {
    const r = new BinaryReader(b);
    const out = [];
    while (r.pos < r.len) {
      r.tag();
      const e = r.delimitedEnd();
      out.push(tgReadUser(r, e));
    }
    return out;
  },
  doubles: (b) => {
    const r = new BinaryReader(b);
    r.tag();
    const e = r.delimitedEnd();
    const a = [];
    while (r.pos < e) a.push(r.double());
    return a;
  },
  ints: (b) => {
    const r = new BinaryReader(b);
    r.tag();
    const e = r.delimitedEnd();
    const a = [];
    while (r.pos < e) a.push(r.int32());
    return a;
  },
  strings: (b) => {
    const r = new BinaryReader(b);
    r.tag();
    const a = r.string();
    r.tag();
    return [a, r.string()];
  },
};

// ---- @bufbuild/protobuf/wire ----
const LD = es.WireType.LengthDelimited,
  VI = es.WireType.Varint;
function esUser(w, u) {
  w.tag(1, LD).string(u.id).tag(2, LD).string(u.name).tag(3, LD).string(u.email).tag(4, VI).int32(u.age).tag(5, VI).int64(u.createdAt).tag(6, VI).int32(u.role);
  for (const t of u.tags) w.tag(7, LD).string(t);
  w.tag(8, LD).fork().tag(1, VI).int64(u.seconds).tag(2, VI).int32(u.nanos).join();
  for (const [k, v] of u.labels) w.tag(9, LD).fork().tag(1, LD).string(k).tag(2, LD).string(v).join();
}
const esEncode = {
  user() {
    const w = new es.BinaryWriter();
    esUser(w, user);
    return w.finish();
  },
  page() {
    const w = new es.BinaryWriter();
    for (const u of page) {
      w.tag(1, LD).fork();
      esUser(w, u);
      w.join();
    }
    return w.finish();
  },
  doubles() {
    const w = new es.BinaryWriter();
    w.tag(1, LD).fork();
    for (const d of doubles) w.double(d);
    w.join();
    return w.finish();
  },
  ints() {
    const w = new es.BinaryWriter();
    w.tag(1, LD).fork();
    for (const d of ints) w.int32(d);
    w.join();
    return w.finish();
  },
  strings() {
    return new es.BinaryWriter().tag(1, LD).string(asciiLong).tag(2, LD).string(unicodeLong).finish();
  },
};
function esReadUser(r, end) {
  const u = { id: "", name: "", email: "", age: 0, createdAt: 0n, role: 0, tags: [], seconds: 0n, nanos: 0, labels: Object.create(null) };
  while (r.pos < end) {
    const [no, wt] = r.tag();
    switch (no) {
      case 1:
        u.id = r.string();
        break;
      case 2:
        u.name = r.string();
        break;
      case 3:
        u.email = r.string();
        break;
      case 4:
        u.age = r.int32();
        break;
      case 5:
        u.createdAt = r.int64();
        break;
      case 6:
        u.role = r.int32();
        break;
      case 7:
        u.tags.push(r.string());
        break;
      case 8: {
        const e = r.uint32() + r.pos;
        while (r.pos < e) {
          const [n2, w2] = r.tag();
          if (n2 === 1) u.seconds = r.int64();
          else if (n2 === 2) u.nanos = r.int32();
          else r.skip(w2);
        }
        break;
      }
      case 9: {
        const e = r.uint32() + r.pos;
        let k = "",
          v = "";
        while (r.pos < e) {
          const [n2, w2] = r.tag();
          if (n2 === 1) k = r.string();
          else if (n2 === 2) v = r.string();
          else r.skip(w2);
        }
        u.labels[k] = v;
        break;
      }
      default:
        r.skip(wt);
    }
  }
  return u;
}
const esDecode = {
  user: (b) => {
    const r = new es.BinaryReader(b);
    return esReadUser(r, r.len);
  },
  page: (b) => {
    const r = new es.BinaryReader(b);
    const out = [];
    while (r.pos < r.len) {
      r.tag();
      const e = r.uint32() + r.pos;
      out.push(esReadUser(r, e));
    }
    return out;
  },
  doubles: (b) => {
    const r = new es.BinaryReader(b);
    r.tag();
    const e = r.uint32() + r.pos;
    const a = [];
    while (r.pos < e) a.push(r.double());
    return a;
  },
  ints: (b) => {
    const r = new es.BinaryReader(b);
    r.tag();
    const e = r.uint32() + r.pos;
    const a = [];
    while (r.pos < e) a.push(r.int32());
    return a;
  },
  strings: (b) => {
    const r = new es.BinaryReader(b);
    r.tag();
    const a = r.string();
    r.tag();
    return [a, r.string()];
  },
};

// ---- protobuf.js (64-bit as numbers: its fastest path, a lower bound for ts-proto's bigint handling) ----
const nCreated = Number(user.createdAt),
  nSeconds = Number(user.seconds);
function pbUser(w, u) {
  w.uint32(10).string(u.id).uint32(18).string(u.name).uint32(26).string(u.email).uint32(32).int32(u.age).uint32(40).int64(nCreated).uint32(48).int32(u.role);
  for (const t of u.tags) w.uint32(58).string(t);
  w.uint32(66).fork().uint32(8).int64(nSeconds).uint32(16).int32(u.nanos).ldelim();
  for (const [k, v] of u.labels) w.uint32(74).fork().uint32(10).string(k).uint32(18).string(v).ldelim();
}
const pbEncode = {
  user() {
    const w = pbjs.Writer.create();
    pbUser(w, user);
    return w.finish();
  },
  page() {
    const w = pbjs.Writer.create();
    for (const u of page) {
      w.uint32(10).fork();
      pbUser(w, u);
      w.ldelim();
    }
    return w.finish();
  },
  doubles() {
    const w = pbjs.Writer.create();
    w.uint32(10).fork();
    for (const d of doubles) w.double(d);
    w.ldelim();
    return w.finish();
  },
  ints() {
    const w = pbjs.Writer.create();
    w.uint32(10).fork();
    for (const d of ints) w.int32(d);
    w.ldelim();
    return w.finish();
  },
  strings() {
    return pbjs.Writer.create().uint32(10).string(asciiLong).uint32(18).string(unicodeLong).finish();
  },
};
function pbReadUser(r, end) {
  const u = { id: "", name: "", email: "", age: 0, createdAt: 0, role: 0, tags: [], seconds: 0, nanos: 0, labels: Object.create(null) };
  while (r.pos < end) {
    const t = r.uint32();
    switch (t) {
      case 10:
        u.id = r.string();
        break;
      case 18:
        u.name = r.string();
        break;
      case 26:
        u.email = r.string();
        break;
      case 32:
        u.age = r.int32();
        break;
      case 40:
        u.createdAt = r.int64();
        break;
      case 48:
        u.role = r.int32();
        break;
      case 58:
        u.tags.push(r.string());
        break;
      case 66: {
        const e = r.uint32() + r.pos;
        while (r.pos < e) {
          const t2 = r.uint32();
          if (t2 === 8) u.seconds = r.int64();
          else if (t2 === 16) u.nanos = r.int32();
          else r.skipType(t2 & 7);
        }
        break;
      }
      case 74: {
        const e = r.uint32() + r.pos;
        let k = "",
          v = "";
        while (r.pos < e) {
          const t2 = r.uint32();
          if (t2 === 10) k = r.string();
          else if (t2 === 18) v = r.string();
          else r.skipType(t2 & 7);
        }
        u.labels[k] = v;
        break;
      }
      default:
        r.skipType(t & 7);
    }
  }
  return u;
}
const pbDecode = {
  user: (b) => {
    const r = pbjs.Reader.create(b);
    return pbReadUser(r, r.len);
  },
  page: (b) => {
    const r = pbjs.Reader.create(b);
    const out = [];
    while (r.pos < r.len) {
      r.uint32();
      const e = r.uint32() + r.pos;
      out.push(pbReadUser(r, e));
    }
    return out;
  },
  doubles: (b) => {
    const r = pbjs.Reader.create(b);
    r.uint32();
    const e = r.uint32() + r.pos;
    const a = [];
    while (r.pos < e) a.push(r.double());
    return a;
  },
  ints: (b) => {
    const r = pbjs.Reader.create(b);
    r.uint32();
    const e = r.uint32() + r.pos;
    const a = [];
    while (r.pos < e) a.push(r.int32());
    return a;
  },
  strings: (b) => {
    const r = pbjs.Reader.create(b);
    r.uint32();
    const a = r.string();
    r.uint32();
    return [a, r.string()];
  },
};

// ---- harness ----
const cases = process.argv[3] ? process.argv[3].split(",") : Object.keys(tg);
const ops = process.argv[4] ? [process.argv[4]] : ["encode", "decode"];
const peers = { tsgrpc: [tg, tgDecode], "protobuf-es": [esEncode, esDecode], "protobuf.js": [pbEncode, pbDecode] };

for (const c of cases) {
  const ref = Buffer.from(tg[c]());
  for (const [name, [enc]] of Object.entries(peers)) {
    if (!ref.equals(Buffer.from(enc[c]()))) throw new Error(`${name} encodes ${c} differently`);
  }
}

function cpu(fn, arg, n) {
  const s = process.cpuUsage();
  for (let i = 0; i < n; i++) fn(arg);
  const u = process.cpuUsage(s);
  return (u.user + u.system) / 1e6;
}
function calibrate(fn, arg) {
  let n = 1,
    spent = 0,
    t = 0;
  while (spent < 4 * TARGET_SECONDS) {
    t = cpu(fn, arg, n);
    spent += t;
    n *= 2;
  }
  return Math.max(1, Math.round((n / 2) * (TARGET_SECONDS / t)));
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];

const rows = [];
for (const c of cases) {
  const bytes = tg[c]();
  for (const [op, idx] of [
    ["encode", 0],
    ["decode", 1],
  ].filter(([o]) => ops.includes(o))) {
    const fns = Object.entries(peers).map(([name, p]) => [name, p[idx][c]]);
    const arg = op === "encode" ? undefined : bytes;
    const ns = fns.map(([, fn]) => calibrate(fn, arg));
    const samples = fns.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      fns.forEach(([, fn], i) => samples[i].push(ns[i] / cpu(fn, arg, ns[i])));
    }
    const perSecond = samples.map(median);
    rows.push({
      case: `${c} ${op} (${bytes.length} B)`,
      "tsgrpc ops/s": Math.round(perSecond[0]),
      "tsgrpc / es": (perSecond[0] / perSecond[1]).toFixed(2),
      "tsgrpc / pbjs": (perSecond[0] / perSecond[2]).toFixed(2),
    });
  }
}
console.table(rows);
