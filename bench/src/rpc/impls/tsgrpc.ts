import { Server, type ClientInterceptor, type ServerInterceptor } from "@tsgrpc/runtime/grpc";
import { User } from "../../../gen/tsgrpc/bench/v1/user_pb.js";
import { UploadSummary } from "../../../gen/tsgrpc/bench/v1/service_pb.js";
import { BenchService, BenchServiceClient } from "../../../gen/tsgrpc/bench/v1/service_grpc.js";
import { asyncClient, asyncService, type RpcImpl } from "../impl.js";
import { sampleUserBytes } from "../sample.js";

const user = User.fromBinary(sampleUserBytes());

/** Interceptors of a tsgrpc variant, made in the process that uses them (after any global setup they need). */
export interface TsgrpcInterceptors {
  server?: () => ServerInterceptor[];
  client?: () => ClientInterceptor[];
}

/** tsgrpc's generated client and `Server`, with `interceptors` on both sides. */
export function tsgrpcWith(name: string, interceptors: TsgrpcInterceptors = {}): RpcImpl {
  return {
    name,
    async serve() {
      const server = new Server({ interceptors: interceptors.server?.() });
      server.add(
        BenchService,
        asyncService(user, (count) => new UploadSummary({ count })),
      );
      const port = await server.listen("127.0.0.1:0");
      return { port, stop: () => server.shutdown({ graceMs: 1000 }) };
    },
    connect(port) {
      const client = new BenchServiceClient(`127.0.0.1:${port}`, undefined, { interceptors: interceptors.client?.() });
      return asyncClient(client, user, () => client.close());
    },
  };
}

/** tsgrpc's generated client and `Server`. */
export const tsgrpcRpc: RpcImpl = tsgrpcWith("tsgrpc");
