import type { AnyMessage } from "../../message.js";
import type { ServerCall } from "../interceptors.js";

/** A handler with its interceptors, in the uniform shape: a call in, a stream of responses out. */
export type RunCall = (call: ServerCall) => AsyncIterable<AnyMessage>;
