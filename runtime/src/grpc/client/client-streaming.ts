import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import type { CallOptions } from "../call-options.js";
import type { MessageInit, MethodDefinition } from "../definition.js";
import { countingDeserializer, countingSerializer, type MessageCounts } from "../message-counts.js";
import { grpcCallOptions } from "./call-state.js";
import { pumpRequests } from "./request-pump.js";
import { singleResponse } from "./single-response.js";

/** The innermost step of a client-streaming call: requests are pumped while the response is awaited. */
export function clientStreamingCall(
  client: grpc.Client,
  method: MethodDefinition,
  requests: AsyncIterable<MessageInit<AnyMessage>> | Iterable<MessageInit<AnyMessage>>,
  metadata: grpc.Metadata,
  options: CallOptions,
  counts?: MessageCounts,
): Promise<AnyMessage> {
  let stream!: grpc.ClientWritableStream<AnyMessage>;
  const { state, response } = singleResponse<AnyMessage>(client, method, options, (callback) => {
    stream = client.makeClientStreamRequest(
      method.path,
      countingSerializer(method.I, counts),
      countingDeserializer(method.O, counts),
      metadata,
      grpcCallOptions(options, metadata),
      callback,
    );
    return stream;
  });
  void pumpRequests(stream, method.I, requests, state);
  return response;
}
