import type { RpcImpl } from "../impl.js";
import { grpcJsRpc } from "./grpc-js.js";
import { niceGrpcRpc } from "./nice-grpc.js";
import { tsgrpcRpc } from "./tsgrpc.js";

export const rpcImpls: readonly RpcImpl[] = [tsgrpcRpc, grpcJsRpc, niceGrpcRpc];

export function rpcImpl(name: string): RpcImpl {
  const impl = rpcImpls.find((i) => i.name === name);
  if (!impl) throw new Error(`unknown RPC implementation "${name}"; known: ${rpcImpls.map((i) => i.name).join(", ")}`);
  return impl;
}
