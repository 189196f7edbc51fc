import * as grpc from "@grpc/grpc-js";
import { toGrpcDefinition, type MethodDefinition, type MethodKind, type ServiceDefinition } from "../definition.js";
import { Health } from "../../gen/grpc/health/v1/health_grpc.js";
import { healthService } from "../health/health-service.js";
import { ServerHealth, ServingStatus } from "../health/server-health.js";
import type { ServerInterceptor } from "../interceptors.js";
import { sizeRecordingDeserializer } from "../message-counts.js";
import { messageLimitOptions } from "../message-limits.js";
import { reflectionDefinitions, reflectionService } from "../reflection/reflection-service.js";
import { bidiStreamingHandler } from "./bidi-streaming.js";
import { clientStreamingHandler } from "./client-streaming.js";
import type { MethodSite } from "./context.js";
import { logServerError, type ServerErrorHook } from "./error-hook.js";
import type { Respond, RespondOnce, RespondStreaming } from "./handler.js";
import { responder, type ServiceImplementation } from "./implementation.js";
import { serverStreamingHandler } from "./server-streaming.js";
import { applyStreamResetLimit, type StreamResetLimit } from "./stream-reset-limit.js";
import { unaryHandler } from "./unary.js";

export interface ServerOptions {
  /** Serves grpc.health.v1.Health, answering from `server.health`. */
  health?: boolean;
  /** Serves grpc.reflection.v1 and v1alpha ServerReflection, describing every added service. */
  reflection?: boolean;
  /** Middleware around every handler, the first one outermost. */
  interceptors?: readonly ServerInterceptor[];
  /** Largest request accepted (default 4 MiB); larger ones answer RESOURCE_EXHAUSTED without calling the handler. */
  maxReceiveMessageBytes?: number;
  /** Largest response sent (default unlimited). */
  maxSendMessageBytes?: number;
  /**
   * Called with every error that ends a call as INTERNAL: a handler or
   * interceptor throwing anything but an `RpcError`, or a response that
   * cannot be encoded. The client gets `INTERNAL` with an empty message
   * whatever this does. Default: the method, peer and stack on stderr.
   */
  onError?: ServerErrorHook;
  /**
   * How many streams one client connection may reset (each cancelled or
   * timed-out call is one reset) before Node's HTTP/2 sends it
   * GOAWAY(INTERNAL_ERROR), failing its open calls with INTERNAL: a burst,
   * refilled per second. Node's default, kept when this is unset: a burst of
   * 1,000 refilled at 33 per second. Raising it weakens the defence against
   * "rapid reset" floods (CVE-2023-44487): do it only for trusted clients
   * that cancel thousands of calls on one connection. Needs Node 22.10 or
   * later (on older Node the constructor throws: the setting would be ignored).
   */
  streamResetLimit?: StreamResetLimit;
  /** Raw grpc-js server options; the options above win over these. */
  channelOptions?: grpc.ServerOptions;
}

// Each adapter is handed the `Respond` its kind produces (a promise or a stream, see handler.ts).
const HANDLERS: Record<MethodKind, (site: MethodSite, respond: Respond) => grpc.UntypedHandleCall> = {
  unary: (site, respond) => unaryHandler(site, respond as RespondOnce),
  server_streaming: (site, respond) => serverStreamingHandler(site, respond as RespondStreaming),
  client_streaming: (site, respond) => clientStreamingHandler(site, respond as RespondOnce),
  bidi_streaming: (site, respond) => bidiStreamingHandler(site, respond as RespondStreaming),
};

const passThrough = (bytes: unknown) => bytes as Buffer;

/** A gRPC server over grpc-js for generated service definitions. */
export class Server {
  readonly #grpc: grpc.Server;
  readonly #interceptors: readonly ServerInterceptor[];
  readonly #onError: ServerErrorHook;
  readonly #services: ServiceDefinition[] = [];
  /** The statuses the health service reports: "" and every added service start SERVING. */
  readonly health = new ServerHealth();

  constructor(options: ServerOptions = {}) {
    this.#grpc = new grpc.Server({ ...options.channelOptions, ...messageLimitOptions(options) });
    if (options.streamResetLimit !== undefined) applyStreamResetLimit(this.#grpc, options.streamResetLimit);
    this.#interceptors = options.interceptors ?? [];
    this.#onError = options.onError ?? logServerError;
    if (options.health) this.add(Health, healthService(this.health));
    if (options.reflection)
      for (const definition of reflectionDefinitions)
        this.add(
          definition,
          reflectionService(() => this.#services),
        );
  }

  /** Serves `definition` with `implementation`; methods it lacks answer UNIMPLEMENTED. */
  add<S extends ServiceDefinition>(definition: S, implementation: Partial<ServiceImplementation<S>>): this {
    const grpcDefinition = toGrpcDefinition(definition);
    const handlers: grpc.UntypedServiceImplementation = {};
    for (const [key, method] of Object.entries<MethodDefinition>(definition.methods)) {
      // Method keys are escaped away from Object.prototype names, so an inherited function is the user's own method.
      const candidate = (implementation as Record<string, unknown>)[key];
      const handler = typeof candidate === "function" ? (candidate as (...args: never[]) => unknown) : undefined;
      handlers[key] = HANDLERS[method.kind]({ method, onError: this.#onError }, responder(method, handler, implementation, this.#interceptors));
      // Responses reach grpc-js already encoded (see response-pump.ts), so its serializer passes them through.
      grpcDefinition[key] = { ...grpcDefinition[key], responseSerialize: passThrough };
      // Interceptors see each call's message counts, request sizes included (see message-counts.ts).
      if (this.#interceptors.length) grpcDefinition[key].requestDeserialize = sizeRecordingDeserializer(method.I);
    }
    this.#grpc.addService(grpcDefinition, handlers);
    this.#services.push(definition);
    this.health.setStatus(definition.typeName, ServingStatus.SERVING);
    return this;
  }

  /** Binds `address` (e.g. `127.0.0.1:0`) and serves; resolves to the bound port. Credentials default to plaintext. */
  listen(address: string, credentials: grpc.ServerCredentials = grpc.ServerCredentials.createInsecure()): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#grpc.bindAsync(address, credentials, (error, port) => (error ? reject(error) : resolve(port)));
    });
  }

  /**
   * Stops accepting calls, marks every service NOT_SERVING (ending health
   * watches), and waits for the calls in flight; after `graceMs`
   * (default: no limit) the rest are cancelled.
   */
  shutdown({ graceMs }: { graceMs?: number } = {}): Promise<void> {
    this.health.shutdown();
    return new Promise((resolve) => {
      const timer = graceMs === undefined ? undefined : setTimeout(() => this.forceShutdown(), graceMs);
      this.#grpc.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Stops at once, cancelling every call in flight. */
  forceShutdown(): void {
    this.health.shutdown();
    this.#grpc.forceShutdown();
  }
}
