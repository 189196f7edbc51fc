/** `npm run demo` as a user runs it: builds, generates, serves, calls every kind of method, stops, exits 0. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

it("runs the demo end to end and prints a transcript of every call kind", () => {
  const run = spawnSync("npm", ["run", "-s", "demo"], { cwd: join(__dirname, "..", ".."), encoding: "utf8", timeout: 240_000 });
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
