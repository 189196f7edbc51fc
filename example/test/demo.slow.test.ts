/**
 * `npm run demo` as a user runs it: builds, generates, serves, calls every kind of method, stops, exits 0.
 * `npm run demo -- --serve` serves until Ctrl-C, and README's grpcurl commands make sense against it.
 */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { FileDescriptorProto, type PartialMessage } from "@tsgrpc/runtime";
import { reflectionV1, ServerReflectionClient } from "@tsgrpc/runtime/grpc";
import { readmeBlocks } from "../../plugin/test/readme-blocks";
import { freePort } from "../../plugin/test/free-port";

const root = join(__dirname, "..", "..");

it("runs the demo end to end and prints a transcript of every call kind", () => {
  const run = spawnSync("npm", ["run", "-s", "demo"], { cwd: root, encoding: "utf8", timeout: 240_000 });
  expect(run.stderr).not.toMatch(/demo failed/);
  expect(run.status).toBe(0);
  const lines = run.stdout.split("\n");
  const line = (kind: string, text: string) => lines.some((l) => l.startsWith(kind) && l.includes(text));
  expect(line("health", "users.v1.UserService is SERVING")).toBe(true);
  expect(line("reflection", "users.v1.UserService")).toBe(true);
  expect(line("unary", "GetUser(u1) -> u1 Ada Lovelace")).toBe(true);
  expect(line("server-streaming", "ListUsers -> u2 Alan Turing")).toBe(true);
  expect(line("client-streaming", "UploadUsers(2 users) -> created 2")).toBe(true);
  expect(line("bidi-streaming", 'Chat -> server: demo-client said "hello"')).toBe(true);
  expect(line("error", 'GetUser(u404) -> NOT_FOUND "user u404 not found", details: ResourceInfo users.v1.User/u404')).toBe(true);
  expect(lines.filter((l) => l.trim() !== "").at(-1)).toMatch(/^server +stopped$/);
}, 300_000);

/** A command line split as a POSIX shell splits it (quotes, no expansions: README's commands use none). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2]?.replace(/\\(.)/g, "$1") ?? m[3]);
}

interface Grpcurl {
  plaintext: boolean;
  data?: string;
  address: string;
  /** `list`, `describe <symbol>`, or `<service>/<method>` to call. */
  verb: string[];
}

/** grpcurl's command line: `grpcurl [-plaintext] [-d data] address (list | describe symbol | service/method)`. */
function parseGrpcurl(line: string): Grpcurl {
  const [command, ...args] = shellWords(line);
  expect(command).toBe("grpcurl");
  const parsed: Partial<Grpcurl> & { plaintext: boolean } = { plaintext: false };
  while (args[0]?.startsWith("-")) {
    const flag = args.shift()!;
    if (flag === "-plaintext") parsed.plaintext = true;
    else if (flag === "-d") parsed.data = args.shift();
    else throw new Error(`grpcurl flag not checked here: ${flag}`);
  }
  const [address, ...verb] = args;
  return { ...parsed, address: address, verb };
}

describe("npm run demo -- --serve", () => {
  it("serves until Ctrl-C, and README's grpcurl commands list, describe and call through reflection", async () => {
    const commands = readmeBlocks()
      .filter((b) => b.lang === "sh" && b.tag === "grpcurl")
      .flatMap((b) => b.code.trim().split("\n"))
      .map(parseGrpcurl);
    expect(commands.map((c) => c.verb[0])).toEqual(["list", "describe", "users.v1.UserService/GetUser"]);
    for (const c of commands) expect([c.plaintext, c.address]).toEqual([true, "127.0.0.1:50051"]);

    // README's port is 50051; the test takes a free one (--port), since other suites may run beside it.
    const port = await freePort();
    const target = `127.0.0.1:${port}`;
    // A process group of its own, so that SIGINT reaches npm, the shell and node together, as Ctrl-C does.
    const demo = spawn("npm", ["run", "-s", "demo", "--", "--serve", "--port", String(port)], { cwd: root, detached: true });
    let out = "";
    demo.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    demo.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      demo.on("exit", (code, signal) => resolve({ code, signal })),
    );
    const reflection = new ServerReflectionClient(target);
    try {
      while (!out.includes(`listening on ${target} with health and reflection; Ctrl-C stops it`)) {
        if (demo.exitCode !== null) throw new Error(`the demo exited: ${out}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const ask = async (request: PartialMessage<reflectionV1.ServerReflectionRequest>) => {
        for await (const { messageResponse } of reflection.serverReflectionInfo([request], { timeoutMs: 5_000 })) return messageResponse;
        throw new Error("no reflection response");
      };
      const fileOf = async (symbol: string) => {
        const r = await ask({ messageRequest: { case: "fileContainingSymbol", value: symbol } });
        if (r.case !== "fileDescriptorResponse") throw new Error(`${symbol}: ${JSON.stringify(r)}`);
        return FileDescriptorProto.fromBinary(r.value.fileDescriptorProto[0]);
      };

      const [list, describe, call] = commands;
      const services = await ask({ messageRequest: { case: "listServices", value: "" } });
      expect(services.case === "listServicesResponse" && services.value.service.map((s) => s.name)).toContain("users.v1.UserService");

      expect((await fileOf(describe.verb[1])).service.map((s) => s.name)).toContain("UserService");
      expect(list.verb).toEqual(["list"]);

      // The call: its method exists, and its -d is its request type's JSON (read strictly, as grpcurl does).
      const [service, method] = call.verb[0].split("/") as [string, string];
      const file = await fileOf(service);
      const declared = file.service.find((s) => `${file.package}.${s.name}` === service)?.method.find((m) => m.name === method);
      expect(declared?.inputType).toBe(".users.v1.GetUserRequest");
      // example/gen exists once the demo has run (the test above); jest loads it as CommonJS.
      const { GetUserRequest } = require("../gen/users/v1/users_pb.js") as typeof import("../gen/users/v1/users_pb.js");
      const { UserServiceClient } = require("../gen/users/v1/users_grpc.js") as typeof import("../gen/users/v1/users_grpc.js");
      const client = new UserServiceClient(target);
      try {
        const user = await client.getUser(GetUserRequest.fromJsonString(call.data!), { timeoutMs: 5_000 });
        expect(user.id).toBe("u1");
      } finally {
        client.close();
      }
    } finally {
      reflection.close();
      process.kill(-demo.pid!, "SIGINT");
    }
    // The demo shuts its server down and exits 0; npm, given the same Ctrl-C, ends by the signal, as it
    // does in a terminal.
    const { code, signal } = await exited;
    expect(code === 0 || signal === "SIGINT").toBe(true);
    expect(out).toMatch(/server +stopped \(SIGINT\)\n$/);
  }, 300_000);
});
