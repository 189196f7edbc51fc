import { Server } from "@tsgrpc/runtime/grpc";
import { User } from "../../../gen/tsgrpc/bench/v1/user_pb.js";
import { UploadSummary } from "../../../gen/tsgrpc/bench/v1/service_pb.js";
import { BenchService, BenchServiceClient } from "../../../gen/tsgrpc/bench/v1/service_grpc.js";
import { asyncClient, asyncService, type RpcImpl } from "../impl.js";
import { sampleUserBytes } from "../sample.js";

const user = User.fromBinary(sampleUserBytes());

/** tsgrpc's generated client and `Server`. */
export const tsgrpcRpc: RpcImpl = {
  name: "tsgrpc",
  async serve() {
    const server = new Server();
    server.add(BenchService, asyncService(user, (count) => new UploadSummary({ count })));
    const port = await server.listen("127.0.0.1:0");
    return { port, stop: () => server.shutdown({ graceMs: 1000 }) };
  },
  connect(port) {
    const client = new BenchServiceClient(`127.0.0.1:${port}`);
    return asyncClient(client, user, () => client.close());
  },
};
