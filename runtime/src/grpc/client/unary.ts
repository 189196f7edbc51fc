import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import type { CallOptions } from "../call-options.js";
import { deserializer, serializer, type MethodDefinition } from "../definition.js";
import { grpcCallOptions } from "./call-state.js";
import { singleResponse } from "./single-response.js";

/** The innermost step of a unary call: one request, one response. */
export function unaryCall(client: grpc.Client, method: MethodDefinition, request: AnyMessage, metadata: grpc.Metadata, options: CallOptions): Promise<AnyMessage> {
  return singleResponse<AnyMessage>(client, method, options, (callback) =>
    client.makeUnaryRequest(method.path, serializer(method.I), deserializer(method.O), request, metadata, grpcCallOptions(options, metadata), callback),
  ).response;
}
