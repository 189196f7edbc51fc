import type { RpcImpl } from "../impl.js";
import { grpcJsRpc } from "./grpc-js.js";
import { niceGrpcRpc } from "./nice-grpc.js";
import { tsgrpcRpc } from "./tsgrpc.js";
import { tsgrpcInterceptorRpc, tsgrpcTelemetryRpc } from "./tsgrpc-telemetry.js";
import { validationImpls } from "./tsgrpc-validate.js";

export { validationImpls };

export const rpcImpls: readonly RpcImpl[] = [tsgrpcRpc, grpcJsRpc, niceGrpcRpc];

/** tsgrpc without interceptors, with a pass-through one, and with the OpenTelemetry interceptors: what telemetry costs. */
export const telemetryImpls: readonly RpcImpl[] = [tsgrpcTelemetryRpc, tsgrpcRpc, tsgrpcInterceptorRpc];

export function rpcImpl(name: string): RpcImpl {
  const known = [...rpcImpls, ...telemetryImpls, ...validationImpls];
  const impl = known.find((i) => i.name === name);
  if (!impl) throw new Error(`unknown RPC implementation "${name}"; known: ${known.map((i) => i.name).join(", ")}`);
  return impl;
}
