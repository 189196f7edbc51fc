import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import type { MessageInit, MethodDefinition } from "../definition.js";
import type { ServerCallContext } from "./context.js";
import { pumpResponses } from "./response-pump.js";

/** Streams responses to a grpc-js server stream and ends it with the status (nothing more once cancelled). */
export function respondStreaming(
  stream: grpc.ServerWritableStream<AnyMessage, Buffer> | grpc.ServerDuplexStream<AnyMessage, Buffer>,
  method: MethodDefinition,
  responses: AsyncIterable<MessageInit<AnyMessage>>,
  context: ServerCallContext,
): void {
  pumpResponses(stream, method.O, responses, context)
    .then((completed) => {
      context.close();
      if (completed) stream.end(context.grpcTrailers());
    })
    .catch((error: unknown) => {
      context.close();
      if (!context.cancelled) stream.emit("error", context.failure(error));
    });
}
