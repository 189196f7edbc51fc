import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import { deserializer, serializer } from "../definition.js";
import type { ClientCall } from "../interceptors.js";
import { toGrpcMetadata } from "../metadata-grpc.js";
import { grpcCallOptions } from "./call-state.js";
import { singleResponse } from "./single-response.js";

/** The innermost step of a unary call: one request, one response. */
export async function* unaryCall(client: grpc.Client, call: ClientCall): AsyncGenerator<AnyMessage> {
  const { method } = call;
  const { response } = singleResponse<AnyMessage>(call, (callback) =>
    client.makeUnaryRequest(method.path, serializer(method.I), deserializer(method.O), call.request as AnyMessage, toGrpcMetadata(call.metadata), grpcCallOptions(call), callback),
  );
  yield await response;
}
