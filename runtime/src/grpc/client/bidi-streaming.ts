import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import { deserializer, serializer } from "../definition.js";
import type { ClientCall } from "../interceptors.js";
import { toGrpcMetadata } from "../metadata-grpc.js";
import { ClientCallState, grpcCallOptions } from "./call-state.js";
import { pumpRequests } from "./request-pump.js";
import { readResponses } from "./response-stream.js";

/** The innermost step of a bidi call: requests are pumped while responses are read. */
export function bidiStreamingCall(client: grpc.Client, call: ClientCall): AsyncGenerator<AnyMessage> {
  const { method } = call;
  const stream = client.makeBidiStreamRequest(method.path, serializer(method.I), deserializer(method.O), toGrpcMetadata(call.metadata), grpcCallOptions(call));
  const state = new ClientCallState(stream, call.options);
  void pumpRequests(stream, call.request as AsyncIterable<AnyMessage>, state);
  return readResponses<AnyMessage>(stream, state);
}
