import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import type { MethodDefinition } from "../definition.js";
import { ServerCallContext } from "./context.js";
import type { RespondStreaming } from "./handler.js";
import { respondStreaming } from "./streaming-response.js";

/** grpc-js handler of a server-streaming method. */
export function serverStreamingHandler(method: MethodDefinition, respond: RespondStreaming): grpc.handleServerStreamingCall<AnyMessage, Buffer> {
  return (call) => {
    const context = new ServerCallContext(call);
    respondStreaming(call, method, respond(call.request, context), context);
  };
}
