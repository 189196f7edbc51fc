import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchCases } from "../src/cases";
import { findH2load } from "../src/rpc/find-h2load";

/** A module of bench/src, loaded only once the smoke run has generated bench/gen, which it imports. */
function load<T>(path: string): T {
  return require(path) as T;
}

/** The text of the part whose "## " heading starts with `title`. */
function part(output: string, title: string): string {
  const found = output.split("\n## ").find((s) => s.startsWith(title));
  if (found === undefined) throw new Error(`no part "${title}" in the output`);
  return found;
}

/** The table of one message (by its case name) within a part. */
function messageTable(partText: string, name: string): string | undefined {
  return partText.split("### ").find((s) => s.startsWith(`${name} (`));
}

const messages = benchCases().map((c) => c.name);

function expectRows(section: string | undefined, names: readonly string[]): void {
  expect(section).toBeDefined();
  for (const name of names) expect(section).toMatch(new RegExp(`\\| ${name.replace(".", "\\.")} +\\| +[0-9]`));
}

/**
 * Keeps `npm run bench` from rotting: a smoke run generates every peer's
 * code, checks that all peers decode and encode the same content, prints a
 * table per message, and runs every RPC scenario against a server in a child
 * process. Speed is never asserted here: that is what the bench itself reports.
 */
describe("npm run bench -- --smoke", () => {
  let output = "";
  beforeAll(() => {
    output = execFileSync("npm", ["run", "-s", "bench", "--", "--smoke"], { cwd: join(__dirname, ".."), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  }, 480_000);

  it.each(messages)("measures %s after every peer agreed on its content", (name) => {
    expectRows(messageTable(part(output, "Encode / decode"), name), ["tsgrpc", "protobuf-es", "ts-proto", "protobuf.js", "JSON"]);
  });

  it.each(messages)("measures %s as ProtoJSON text after every peer's output read back to its content", (name) => {
    expectRows(messageTable(part(output, "ProtoJSON text"), name), ["tsgrpc", "protobuf-es", "ts-proto", "protobuf.js", "JSON"]);
  });

  it.each(messages)("measures %s as ProtoJSON objects", (name) => {
    expectRows(messageTable(part(output, "ProtoJSON objects"), name), ["tsgrpc", "protobuf-es", "ts-proto", "protobuf.js"]);
  });

  it.each(messages)("measures %s as text format after protobuf-es read back each peer's text", (name) => {
    expectRows(messageTable(part(output, "Text format"), name), ["tsgrpc", "protobuf-es"]);
  });

  it("measures the map-key cache on repeated and on unique keys", () => {
    const section = part(output, "tsgrpc's map-key cache");
    for (const workload of ["the same 100 keys in every message", "100 unique keys per message"])
      expect(section).toMatch(new RegExp(`\\| ${workload}[^|]* +\\| +[0-9]`));
  });

  it("measures validation of every bench message with both validators", () => {
    const section = part(output, "Validation");
    for (const name of ["record", "page of 50 records", "record \\+ CEL rule", "page of 50 \\+ CEL rule", "record \\+ predefined rules"])
      expect(section).toMatch(new RegExp(`\\| ${name} \\([0-9,]+ B\\) +\\| +[0-9]`));
  });

  it.each(["unary c=1", "unary c=64", "client streaming"])("reports %s for the server with and without validateRequests()", (scenario) => {
    const section = part(output, "Validation in a server")
      .split("### ")
      .find((s) => s.startsWith(scenario));
    expect(section).toBeDefined();
    for (const impl of ["tsgrpc\\+validate", "tsgrpc records", "tsgrpc records\\+interceptor"]) expect(section).toMatch(new RegExp(`\\| ${impl} +\\| +[0-9]`));
  });

  it.each(["unary c=1", "unary c=64", "server streaming", "client streaming", "bidi ping-pong", "peak RSS"])(
    "reports RPC scenario %s for every implementation",
    (scenario) => {
      const section = part(output, "RPC")
        .split("### ")
        .find((s) => s.startsWith(scenario));
      expect(section).toBeDefined();
      for (const impl of ["tsgrpc", "grpc-js \\+ tsgrpc codec", "nice-grpc \\+ ts-proto"]) expect(section).toMatch(new RegExp(`\\| ${impl} +\\| +[0-9]`));
    },
  );

  it.each(["unary c=1", "unary c=64", "server streaming"])(
    "reports %s with the OpenTelemetry interceptors, without interceptors and with a pass-through one",
    (scenario) => {
      const section = part(output, "OpenTelemetry interceptors")
        .split("### ")
        .find((s) => s.startsWith(scenario));
      expect(section).toBeDefined();
      for (const impl of ["tsgrpc\\+otel", "tsgrpc", "tsgrpc\\+interceptor"]) expect(section).toMatch(new RegExp(`\\| ${impl} +\\| +[0-9]`));
    },
  );

  it("reports the telemetry interceptors' CPU per call with client and server in one process", () => {
    const section = part(output, "OpenTelemetry interceptors")
      .split("### ")
      .find((s) => s.startsWith("unary, client and server in one process"));
    const impls = [
      "tsgrpc\\+otel",
      "tsgrpc",
      "tsgrpc\\+interceptor",
      "tsgrpc\\+interceptor \\(plain function\\)",
      "tsgrpc\\+otel, no SDK",
      "tsgrpc \\+ the SDK work beside each call",
    ];
    for (const impl of impls) expect(section).toMatch(new RegExp(`\\| ${impl} +\\| +[0-9]`));
  });

  it("stops before timing when a peer decodes to different content", () => {
    // Required after the smoke run generated bench/gen, which these modules import.
    const { runCodecBench, ContentMismatchError } = load<typeof import("../src/codec-bench")>("../src/codec-bench");
    const { protobufEs } = load<typeof import("../src/peers/protobuf-es")>("../src/peers/protobuf-es");
    const { benchCases } = load<typeof import("../src/cases")>("../src/cases");
    const dropsEmail = { ...protobufEs, name: "drops-email", content: (_typeName: string, decoded: unknown) => ({ ...(decoded as object), email: "" }) };
    const user = benchCases().filter((c) => c.typeName === "bench.v1.User");
    const run = () => runCodecBench(user, [protobufEs, dropsEmail], { rounds: 1, batchSeconds: 0.01, smoke: true, subject: "protobuf-es" });
    expect(run).toThrow(ContentMismatchError);
    expect(run).toThrow(/drops-email decoding bench.v1.User/);
  });

  it("stops before timing when a peer that claims canonical ProtoJSON writes other text", () => {
    const { runCodecBench, ContentMismatchError } = load<typeof import("../src/codec-bench")>("../src/codec-bench");
    const { tsgrpcJson } = load<typeof import("../src/json-peers/tsgrpc")>("../src/json-peers/tsgrpc");
    const { benchCases } = load<typeof import("../src/cases")>("../src/cases");
    // Same content, other spacing: reads back fine, but is not the canonical text.
    const pretty = { ...tsgrpcJson, name: "pretty", encode: "m.toJsonString({ prettySpaces: 1 })" };
    const user = benchCases().filter((c) => c.typeName === "bench.v1.User");
    const run = () => runCodecBench(user, [tsgrpcJson, pretty], { rounds: 1, batchSeconds: 0.01, smoke: true, subject: "tsgrpc" });
    expect(run).toThrow(ContentMismatchError);
    expect(run).toThrow(/pretty writing bench.v1.User as canonical JSON/);
  });

  it.each([
    ["codec", "Encode / decode"],
    ["json", "ProtoJSON text"],
  ])("--only %s --processes pools the samples of fresh processes into one set of tables", (only, title) => {
    const pooled = execFileSync(process.execPath, ["dist/src/main.js", "--only", only, "--smoke", "--processes", "2", "--filter", "bench.v1.User"], {
      cwd: join(__dirname, ".."),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(pooled).toContain("1 rounds, 2 processes pooled");
    expectRows(messageTable(part(pooled, title), "user (~200 B)"), ["tsgrpc", "protobuf-es", "ts-proto", "protobuf.js", "JSON"]);
  });

  it("pooling keeps every process's samples of each cell", () => {
    const { poolResults } = load<typeof import("../src/codec-bench")>("../src/codec-bench");
    const run = (samples: number[]) => [{ name: "m", typeName: "t", cells: [{ peer: "p", op: "encode" as const, size: 1, opsPerSecond: samples }] }];
    expect(poolResults([run([1, 2]), run([3]), run([4, 5])])[0].cells[0].opsPerSecond).toEqual([1, 2, 3, 4, 5]);
  });

  // h2load (Debian's nghttp2-client) is a system package: without it the part is skipped loudly, and fails under CI=true.
  const h2loadMissing = !findH2load();
  if (h2loadMissing) console.warn("h2load is not installed: the h2load part of the bench smoke test is skipped (apt-get install nghttp2-client)");
  (h2loadMissing && process.env.CI !== "true" ? it.skip : it).each(["unary -c 1 -m 1", "unary -c 4 -m 8", "unary -c 8 -m 32", "server streaming"])(
    "drives the servers with h2load: %s, for both servers",
    (load) => {
      const section = part(output, "Servers under h2load")
        .split("### ")
        .find((s) => s.startsWith(`h2load ${load}`));
      expect(section).toBeDefined();
      for (const impl of ["tsgrpc", "grpc-js \\+ tsgrpc codec"]) expect(section).toMatch(new RegExp(`\\| ${impl} +\\| +[0-9]`));
    },
  );

  it("the bench servers count the grpc-status of every response, trailers-only ones included", async () => {
    // Needs bench/dist and bench/gen, which the smoke run built.
    const { ServerProcess } = load<typeof import("../src/rpc/children")>("../dist/src/rpc/children.js");
    const { rpcImpl } = load<typeof import("../src/rpc/impls/index")>("../dist/src/rpc/impls/index.js");
    const { sampleUserBytes } = load<typeof import("../src/rpc/sample")>("../dist/src/rpc/sample.js");
    const http2 = load<typeof import("node:http2")>("node:http2");
    const frame = (m: Uint8Array) => Buffer.concat([Buffer.from([0, m.length >>> 24, (m.length >>> 16) & 255, (m.length >>> 8) & 255, m.length & 255]), m]);
    const server = await new ServerProcess(rpcImpl("tsgrpc"), true).listening();
    const session = http2.connect(`http://127.0.0.1:${server.port}`);
    const call = (path: string, body: Uint8Array) =>
      new Promise<string>((resolve, reject) => {
        const stream = session.request({ ":method": "POST", ":path": path, "content-type": "application/grpc", te: "trailers" });
        let status = "";
        stream.on("response", (headers) => (status = String(headers["grpc-status"] ?? status)));
        stream.on("trailers", (trailers: import("node:http2").IncomingHttpHeaders) => (status = String(trailers["grpc-status"])));
        stream.on("data", () => {});
        stream.on("end", () => resolve(status));
        stream.on("error", reject);
        stream.end(body);
      });
    try {
      expect(await call("/bench.v1.BenchService/Echo", frame(sampleUserBytes()))).toBe("0");
      expect(await call("/bench.v1.BenchService/Echo", frame(new Uint8Array([0xff, 0xff])))).toBe("13");
      expect(await call("/bench.v1.BenchService/Nope", frame(sampleUserBytes()))).toBe("12");
      expect(await server.statuses()).toEqual({ "0": 1, "13": 1, "12": 1 });
    } finally {
      session.close();
      await server.stop();
    }
  });
});

/**
 * The maintainers' A/B tools, once the smoke run above has built the bench:
 * a snapshot of this build compared with itself, so only that they run and
 * report is checked (never a speed).
 */
describe("npm run -w bench ab and server-ab", () => {
  const bench = join(__dirname, "..");
  const node = (args: string[]) => execFileSync("node", args, { cwd: bench, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const snapshot = mkdtempSync(join(tmpdir(), "tsgrpc-ab-"));
  beforeAll(() => node(["dist/src/ab.js", "--snapshot", snapshot]), 60_000);
  afterAll(() => rmSync(snapshot, { recursive: true, force: true }));

  it("ab times a snapshot and this build on the same message, both ways", () => {
    const out = node(["--expose-gc", "dist/src/ab.js", "--base", snapshot, "--rounds", "1", "--filter", "user", "--gc-outside"]);
    expect(out).toMatch(/\| user \(~200 B\) +\| +encode \| +[0-9.]+x \|/);
    expect(out).toMatch(/\| user \(~200 B\) +\| +decode \| +[0-9.]+x \|/);
  }, 120_000);

  it("server-ab answers unary calls through each build's handler and reports µs per call", () => {
    const out = node(["dist/src/server-ab.js", "--base", snapshot, "--rounds", "1", "--in-flight", "50"]);
    expect(out).toMatch(/^unary call, 50 in flight, 1 rounds: this \/ base [0-9.]+x .* base [0-9.]+ µs per call, this [0-9.]+ µs$/m);
  }, 120_000);
});
