import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import { ServerCallContext, type MethodSite } from "./context.js";
import type { RespondStreaming } from "./handler.js";
import { respondStreaming } from "./streaming-response.js";

/** grpc-js handler of a server-streaming method. */
export function serverStreamingHandler(site: MethodSite, respond: RespondStreaming): grpc.handleServerStreamingCall<AnyMessage, Buffer> {
  return (call) => {
    const context = new ServerCallContext(call, site);
    respondStreaming(call, site.method, respond(call.request, context), context);
  };
}
