import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import type { CallOptions } from "../call-options.js";
import type { MethodDefinition } from "../definition.js";
import { countingDeserializer, countingSerializer, type MessageCounts } from "../message-counts.js";
import { grpcCallOptions } from "./call-state.js";
import { singleResponse } from "./single-response.js";

/** The innermost step of a unary call: one request, one response. */
export function unaryCall(
  client: grpc.Client,
  method: MethodDefinition,
  request: AnyMessage,
  metadata: grpc.Metadata,
  options: CallOptions,
  counts?: MessageCounts,
): Promise<AnyMessage> {
  return singleResponse<AnyMessage>(client, method, options, (callback) =>
    client.makeUnaryRequest(
      method.path,
      countingSerializer(method.I, counts),
      countingDeserializer(method.O, counts),
      request,
      metadata,
      grpcCallOptions(options, metadata),
      callback,
    ),
  ).response;
}
