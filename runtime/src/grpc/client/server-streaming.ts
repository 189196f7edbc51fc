import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import { deserializer, serializer } from "../definition.js";
import type { ClientCall } from "../interceptors.js";
import { toGrpcMetadata } from "../metadata-grpc.js";
import { ClientCallState, grpcCallOptions } from "./call-state.js";
import { readResponses } from "./response-stream.js";

/** The innermost step of a server-streaming call. */
export function serverStreamingCall(client: grpc.Client, call: ClientCall): AsyncGenerator<AnyMessage> {
  const { method } = call;
  const stream = client.makeServerStreamRequest(method.path, serializer(method.I), deserializer(method.O), call.request as AnyMessage, toGrpcMetadata(call.metadata), grpcCallOptions(call));
  return readResponses<AnyMessage>(stream, new ClientCallState(stream, call.options));
}
