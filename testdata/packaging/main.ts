// A user's program, copied into esm/src and cjs/src by plugin/test/packaging.slow.test.ts: the same
// source compiles to an ES module in esm/ ("type": "module") and to CommonJS in cjs/.
import { Timestamp } from "@tsgrpc/runtime";
import { Server } from "@tsgrpc/runtime/grpc";
import { GreetResponse } from "./gen/greet/v1/greeter_pb.js";
import { Greeter, GreeterClient } from "./gen/greet/v1/greeter_grpc.js";

async function main(): Promise<void> {
  const server = new Server().add(Greeter, {
    async greet(request) {
      return new GreetResponse({ greeting: `hello ${request.name}`, visits: request.visits + 1n, at: Timestamp.fromDate(new Date(0)) });
    },
  });
  const port = await server.listen("127.0.0.1:0");
  const client = new GreeterClient(`127.0.0.1:${port}`);
  try {
    const response = await client.greet({ name: "packaging", visits: 41n }, { timeoutMs: 10_000 });
    console.log(typeof require === "function" ? "commonjs" : "module", response.toJsonString());
  } finally {
    client.close();
    await server.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
