/** Starts the UserService server, runs the client against it, prints a transcript and stops the server. */
import { callUsers, inspectServer, type Print } from "./client.js";
import { startServer } from "./server.js";

const print: Print = (kind, line) => console.log(`${kind.padEnd(16)}  ${line}`);

async function main(): Promise<void> {
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

main().catch((error: unknown) => {
  console.error("demo failed:", error);
  process.exitCode = 1;
});
