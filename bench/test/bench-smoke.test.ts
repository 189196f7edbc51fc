import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { benchCases } from "../src/cases";

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
  }, 240_000);

  it.each(benchCases().map((c) => `${c.name} (${c.typeName}`))(
    "measures %s) after every peer agreed on its content",
    (heading) => {
      const section = output.split("### ").find((s) => s.startsWith(heading));
      expect(section).toBeDefined();
      for (const peer of ["tsgrpc", "protobuf-es", "ts-proto", "protobuf.js", "JSON"]) expect(section).toMatch(new RegExp(`\\| ${peer.replace(".", "\\.")} +\\| +[0-9]`));
    },
  );

  it("measures the map-key cache on repeated and on unique keys", () => {
    const section = output.split("## ").find((s) => s.startsWith("tsgrpc's map-key cache"));
    expect(section).toBeDefined();
    for (const workload of ["the same 100 keys in every message", "100 unique keys per message"]) expect(section).toMatch(new RegExp(`\\| ${workload}[^|]* +\\| +[0-9]`));
  });

  it.each(["unary c=1", "unary c=64", "server streaming", "client streaming", "bidi ping-pong", "peak RSS"])("reports RPC scenario %s for every implementation", (scenario) => {
    const section = output.split("### ").find((s) => s.startsWith(scenario));
    expect(section).toBeDefined();
    for (const impl of ["tsgrpc", "grpc-js \\+ tsgrpc codec", "nice-grpc \\+ ts-proto"]) expect(section).toMatch(new RegExp(`\\| ${impl} +\\| +[0-9]`));
  });

  it("stops before timing when a peer decodes to different content", () => {
    // Required after the smoke run generated bench/gen, which these modules import.
    const { runCodecBench, ContentMismatchError } = require("../src/codec-bench") as typeof import("../src/codec-bench");
    const { protobufEs } = require("../src/peers/protobuf-es") as typeof import("../src/peers/protobuf-es");
    const dropsEmail = { ...protobufEs, name: "drops-email", content: (_typeName: string, decoded: unknown) => ({ ...(decoded as object), email: "" }) };
    const user = benchCases().filter((c) => c.typeName === "bench.v1.User");
    const run = () => runCodecBench(user, [protobufEs, dropsEmail], { rounds: 1, batchSeconds: 0.01, smoke: true, subject: "protobuf-es" });
    expect(run).toThrow(ContentMismatchError);
    expect(run).toThrow(/drops-email decoding bench.v1.User/);
  });

  it("--processes pools the samples of fresh processes into one set of tables", () => {
    const pooled = execFileSync(process.execPath, ["dist/src/main.js", "--only", "codec", "--smoke", "--processes", "2", "--filter", "bench.v1.User"], {
      cwd: join(__dirname, ".."),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(pooled).toContain("1 rounds, 2 processes pooled");
    const section = pooled.split("### ").find((s) => s.includes("(bench.v1.User,"));
    for (const peer of ["tsgrpc", "protobuf-es", "ts-proto", "protobuf.js", "JSON"]) expect(section).toMatch(new RegExp(`\\| ${peer.replace(".", "\\.")} +\\| +[0-9]`));
  });

  it("pooling keeps every process's samples of each cell", () => {
    const { poolResults } = require("../src/codec-bench") as typeof import("../src/codec-bench");
    const run = (samples: number[]) => [{ name: "m", typeName: "t", cells: [{ peer: "p", op: "encode" as const, size: 1, opsPerSecond: samples }] }];
    expect(poolResults([run([1, 2]), run([3]), run([4, 5])])[0].cells[0].opsPerSecond).toEqual([1, 2, 3, 4, 5]);
  });
});
