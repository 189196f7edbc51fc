import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import { ServerCallContext, type MethodSite } from "./context.js";
import type { RespondStreaming } from "./handler.js";
import { readRequests } from "./request-stream.js";
import { respondStreaming } from "./streaming-response.js";

/** grpc-js handler of a bidi-streaming method. */
export function bidiStreamingHandler(site: MethodSite, respond: RespondStreaming): grpc.handleBidiStreamingCall<AnyMessage, Buffer> {
  return (call) => {
    const context = new ServerCallContext(call, site);
    respondStreaming(call, site.method, respond(readRequests<AnyMessage>(call, context), context), context);
  };
}
