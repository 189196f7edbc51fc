import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import type { CallOptions } from "../call-options.js";
import type { MessageInit, MethodDefinition } from "../definition.js";
import { countingDeserializer, countingSerializer, type MessageCounts } from "../message-counts.js";
import { ClientCallState, grpcCallOptions } from "./call-state.js";
import { pumpRequests } from "./request-pump.js";
import { readResponses } from "./response-stream.js";

/** The innermost step of a bidi call: requests are pumped while responses are read. */
export function bidiStreamingCall(
  client: grpc.Client,
  method: MethodDefinition,
  requests: AsyncIterable<MessageInit<AnyMessage>> | Iterable<MessageInit<AnyMessage>>,
  metadata: grpc.Metadata,
  options: CallOptions,
  counts?: MessageCounts,
): AsyncIterableIterator<AnyMessage> {
  const stream = client.makeBidiStreamRequest(
    method.path,
    countingSerializer(method.I, counts),
    countingDeserializer(method.O, counts),
    metadata,
    grpcCallOptions(options, metadata),
  );
  const state = new ClientCallState(stream, options, client, method);
  void pumpRequests(stream, method.I, requests, state);
  return readResponses<AnyMessage>(stream, state);
}
