import { createChannel, createClient, createServer } from "nice-grpc";
import { User } from "../../../gen/ts-proto/bench/v1/user.js";
import { BenchServiceDefinition } from "../../../gen/ts-proto/bench/v1/service.js";
import { asyncClient, asyncService, type RpcImpl } from "../impl.js";
import { sampleUserBytes } from "../sample.js";

const user = User.decode(sampleUserBytes());

/** nice-grpc with ts-proto's generated code: the popular async-iterable stack. */
export const niceGrpcRpc: RpcImpl = {
  name: "nice-grpc + ts-proto",
  async serve() {
    const server = createServer();
    server.add(
      BenchServiceDefinition,
      asyncService(user, (count) => ({ count })),
    );
    const port = await server.listen("127.0.0.1:0");
    return { port, stop: () => server.shutdown() };
  },
  connect(port) {
    const channel = createChannel(`127.0.0.1:${port}`);
    return asyncClient(createClient(BenchServiceDefinition, channel), user, () => channel.close());
  },
};
