import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import type { MethodDefinition } from "../definition.js";
import { ServerCallContext } from "./context.js";
import type { RespondStreaming } from "./handler.js";
import { readRequests } from "./request-stream.js";
import { respondStreaming } from "./streaming-response.js";

/** grpc-js handler of a bidi-streaming method. */
export function bidiStreamingHandler(method: MethodDefinition, respond: RespondStreaming): grpc.handleBidiStreamingCall<AnyMessage, Buffer> {
  return (call) => {
    const context = new ServerCallContext(call);
    respondStreaming(call, method, respond(readRequests<AnyMessage>(call, context), context), context);
  };
}
