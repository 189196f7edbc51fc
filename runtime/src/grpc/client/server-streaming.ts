import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import type { CallOptions } from "../call-options.js";
import { deserializer, serializer, type MethodDefinition } from "../definition.js";
import { ClientCallState, grpcCallOptions } from "./call-state.js";
import { readResponses } from "./response-stream.js";

/** The innermost step of a server-streaming call. */
export function serverStreamingCall(client: grpc.Client, method: MethodDefinition, request: AnyMessage, metadata: grpc.Metadata, options: CallOptions): AsyncIterableIterator<AnyMessage> {
  const stream = client.makeServerStreamRequest(method.path, serializer(method.I), deserializer(method.O), request, metadata, grpcCallOptions(options, metadata));
  return readResponses<AnyMessage>(stream, new ClientCallState(stream, options, client, method));
}
