import type { ServerInterceptor } from "@tsgrpc/runtime/grpc";
import { validateRequests } from "@tsgrpc/runtime/validate/grpc";
import { Server } from "@tsgrpc/runtime/grpc";
import { CelUserRecord, UploadSummary } from "../../../gen/tsgrpc-validate/bench/validate/v1/records_pb.js";
import { RecordService, RecordServiceClient } from "../../../gen/tsgrpc-validate/bench/validate/v1/records_grpc.js";
import { benchRecord } from "../../validate-bench.js";
import { asyncClient, asyncService, type RpcImpl } from "../impl.js";
import { passThrough } from "./tsgrpc-telemetry.js";

const record = benchRecord(CelUserRecord, 1);

/** tsgrpc serving bench.validate.v1.RecordService (requests with rules) with `interceptors` on the server. */
function recordsWith(name: string, interceptors: () => ServerInterceptor[]): RpcImpl {
  return {
    name,
    async serve() {
      const server = new Server({ interceptors: interceptors() });
      server.add(
        RecordService,
        asyncService(record, (count) => new UploadSummary({ count })),
      );
      const port = await server.listen("127.0.0.1:0");
      return { port, stop: () => server.shutdown({ graceMs: 1000 }) };
    },
    connect(port) {
      const client = new RecordServiceClient(`127.0.0.1:${port}`);
      return asyncClient(client, record, () => client.close());
    },
  };
}

/**
 * The same server with `validateRequests()`, with no interceptor, and with a pass-through one:
 * what validation costs a server, the interceptor path's own cost told apart.
 */
export const validationImpls: readonly RpcImpl[] = [
  recordsWith("tsgrpc+validate", () => [validateRequests()]),
  recordsWith("tsgrpc records", () => []),
  recordsWith("tsgrpc records+interceptor", () => [passThrough]),
];
