import type { HealthImplementation } from "../../gen/grpc/health/v1/health_grpc.js";
import { RpcError } from "../rpc-error.js";
import { Code } from "../status/code.js";
import type { ServerHealth } from "./server-health.js";

/** The most services List reports; the protocol asks for RESOURCE_EXHAUSTED beyond. */
const LIST_LIMIT = 100;

/** The `grpc.health.v1.Health` service answering from `health`. */
export function healthService(health: ServerHealth): HealthImplementation {
  return {
    async check({ service }) {
      const status = health.getStatus(service);
      if (status === undefined) throw new RpcError(Code.NOT_FOUND, `unknown service "${service}"`);
      return { status };
    },
    async list() {
      const all = health.statuses();
      if (all.size > LIST_LIMIT) throw new RpcError(Code.RESOURCE_EXHAUSTED, `${all.size} services exceed the limit of ${LIST_LIMIT}`);
      return { statuses: Object.fromEntries([...all].map(([service, status]) => [service, { status }])) };
    },
    async *watch({ service }, context) {
      for await (const status of health.watch(service, context.signal)) yield { status };
    },
  };
}
