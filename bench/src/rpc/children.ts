/**
 * The bench's child processes: a server per implementation, driven over
 * stdin/stdout lines (see server-main.ts), and clients.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { join } from "node:path";
import type { Allocation } from "../heap-sampling.js";
import type { RpcImpl } from "./impl.js";

/** A child process's stdout as JSON lines, each awaited with a time limit so a stuck child fails the bench instead of hanging it. */
export function jsonLines(child: ChildProcess, what: string): (timeoutMs: number) => Promise<Record<string, unknown>> {
  const queue: string[] = [];
  const waiters: ((line: string | undefined) => void)[] = [];
  let closed = false;
  const lines = createInterface({ input: child.stdout! });
  lines.on("line", (l) => (waiters.length ? waiters.shift()!(l) : queue.push(l)));
  lines.on("close", () => {
    closed = true;
    for (const w of waiters.splice(0)) w(undefined);
  });
  return (timeoutMs) =>
    new Promise((resolve, reject) => {
      const take = (line: string | undefined) => {
        clearTimeout(timer);
        if (line === undefined) reject(new Error(`${what} exited (code ${child.exitCode}) before answering`));
        else resolve(JSON.parse(line) as Record<string, unknown>);
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(take), 1);
        child.kill();
        reject(new Error(`${what} gave no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      if (queue.length) take(queue.shift());
      else if (closed) take(undefined);
      else waiters.push(take);
    });
}

export function start(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [join(__dirname, script), ...args], { stdio: ["pipe", "pipe", "inherit"] });
}

/** A server child process for one implementation, idle between the client runs it serves. */
export class ServerProcess {
  private readonly child: ChildProcess;
  private readonly next: (timeoutMs: number) => Promise<Record<string, unknown>>;
  port = 0;

  /** `countStatuses`: the server counts the grpc-status of every response it sends (see grpc-status-count.ts). */
  constructor(
    readonly impl: RpcImpl,
    countStatuses = false,
  ) {
    this.child = start("server-main.js", countStatuses ? [impl.name, "--count-statuses"] : [impl.name]);
    this.next = jsonLines(this.child, `${impl.name} server`);
  }

  async listening(): Promise<this> {
    this.port = ((await this.next(60_000)) as { port: number }).port;
    return this;
  }

  async cpuMicros(): Promise<number> {
    this.child.stdin!.write("cpu\n");
    return ((await this.next(30_000)) as { cpuMicros: number }).cpuMicros;
  }

  /** How many responses the server ended with each grpc-status so far (started with `countStatuses`). */
  async statuses(): Promise<Record<string, number>> {
    this.child.stdin!.write("statuses\n");
    return ((await this.next(30_000)) as { statuses: Record<string, number> }).statuses;
  }

  /** Starts V8's sampling heap profiler in the server (see heap-sampling.ts). */
  async heapStart(): Promise<void> {
    this.child.stdin!.write("heap-start\n");
    await this.next(30_000);
  }

  /** Stops the profiler started by `heapStart`: the bytes each function allocated since, garbage included. */
  async heapStop(): Promise<Allocation[]> {
    this.child.stdin!.write("heap-stop\n");
    return ((await this.next(60_000)) as { allocations: Allocation[] }).allocations;
  }

  /** Stops the server; resolves to its peak RSS. */
  async stop(): Promise<number> {
    this.child.stdin!.end();
    return ((await this.next(30_000)) as { maxRssBytes: number }).maxRssBytes;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}
