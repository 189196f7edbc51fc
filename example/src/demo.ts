/**
 * Starts the UserService server, runs the client against it, prints a transcript and stops the server.
 * With `--serve`, only serves on 127.0.0.1:50051 (`--port N` for another port) until Ctrl-C, for grpcurl.
 */
import { parseArgs } from "node:util";
import { callUsers, inspectServer, type Print } from "./client.js";
import { startServer } from "./server.js";

const print: Print = (kind, line) => console.log(`${kind.padEnd(16)}  ${line}`);

async function transcript(): Promise<void> {
  const { server, port } = await startServer("127.0.0.1:0");
  print("server", `listening on 127.0.0.1:${port} with health and reflection`);
  try {
    await inspectServer(`127.0.0.1:${port}`, print);
    await callUsers(`127.0.0.1:${port}`, print);
  } finally {
    await server.shutdown({ graceMs: 2_000 });
    print("server", "stopped");
  }
}

async function serve(port: number): Promise<void> {
  const { server, port: bound } = await startServer(`127.0.0.1:${port}`);
  print("server", `listening on 127.0.0.1:${bound} with health and reflection; Ctrl-C stops it`);
  print("try", `grpcurl -plaintext -d '{"id": "u1"}' 127.0.0.1:${bound} users.v1.UserService/GetUser`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.shutdown({ graceMs: 2_000 });
  print("server", `stopped (${signal})`);
}

const { values } = parseArgs({ options: { serve: { type: "boolean", default: false }, port: { type: "string", default: "50051" } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port: expected a port number, got "${values.port}"`);

(values.serve ? serve(port) : transcript()).catch((error: unknown) => {
  console.error("demo failed:", error);
  process.exitCode = 1;
});
