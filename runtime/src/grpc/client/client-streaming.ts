import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import { deserializer, serializer } from "../definition.js";
import type { ClientCall } from "../interceptors.js";
import { toGrpcMetadata } from "../metadata-grpc.js";
import { grpcCallOptions } from "./call-state.js";
import { pumpRequests } from "./request-pump.js";
import { singleResponse } from "./single-response.js";

/** The innermost step of a client-streaming call: requests are pumped while the response is awaited. */
export async function* clientStreamingCall(client: grpc.Client, call: ClientCall): AsyncGenerator<AnyMessage> {
  const { method } = call;
  let stream!: grpc.ClientWritableStream<AnyMessage>;
  const { state, response } = singleResponse<AnyMessage>(call, (callback) => {
    stream = client.makeClientStreamRequest(method.path, serializer(method.I), deserializer(method.O), toGrpcMetadata(call.metadata), grpcCallOptions(call), callback);
    return stream;
  });
  void pumpRequests(stream, call.request as AsyncIterable<AnyMessage>, state);
  yield await response;
}
