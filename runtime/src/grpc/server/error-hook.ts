import type { MethodDefinition } from "../definition.js";

/** What a server's error hook learns about the call that failed. */
export interface ServerErrorInfo {
  /** The method whose call failed. */
  readonly method: MethodDefinition;
  /** The client's address, e.g. `ipv4:127.0.0.1:54321`. */
  readonly peer: string;
}

/**
 * Called with every error that ends a call as `INTERNAL` (anything a handler
 * or interceptor throws that is not an `RpcError`, and a response that cannot
 * be encoded). The client never sees it: this is the server's only record.
 */
export type ServerErrorHook = (error: unknown, info: ServerErrorInfo) => void;

/** The default hook: one entry on stderr with the method, the peer and the error's stack. */
export const logServerError: ServerErrorHook = (error, { method, peer }) => {
  console.error(`tsgrpc: ${method.path} from ${peer} failed, answered INTERNAL:`, error);
};
