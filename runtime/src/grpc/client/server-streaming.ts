import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import type { CallOptions } from "../call-options.js";
import type { MethodDefinition } from "../definition.js";
import { countingDeserializer, countingSerializer, type MessageCounts } from "../message-counts.js";
import { ClientCallState, grpcCallOptions } from "./call-state.js";
import { readResponses } from "./response-stream.js";

/** The innermost step of a server-streaming call. */
export function serverStreamingCall(
  client: grpc.Client,
  method: MethodDefinition,
  request: AnyMessage,
  metadata: grpc.Metadata,
  options: CallOptions,
  counts?: MessageCounts,
): AsyncIterableIterator<AnyMessage> {
  const stream = client.makeServerStreamRequest(
    method.path,
    countingSerializer(method.I, counts),
    countingDeserializer(method.O, counts),
    request,
    metadata,
    grpcCallOptions(options, metadata),
  );
  return readResponses<AnyMessage>(stream, new ClientCallState(stream, options, client, method));
}
