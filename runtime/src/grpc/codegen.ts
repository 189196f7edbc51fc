/**
 * Exactly what generated `_grpc.ts` files import. The runtime's own generated
 * services (health, reflection) import this module, not the `index.ts`
 * barrel, which reaches them back through the server: an import cycle.
 */
export { Client, type RequestStream } from "./client/client.js";
export type { CallOptions } from "./call-options.js";
export type { MethodDefinition, ServiceDefinition } from "./definition.js";
export type { CallContext } from "./server/context.js";
