import type { ChannelCredentials } from "@grpc/grpc-js";
import type { ClientOptions } from "../grpc/client/client-options.js";
import type { ServiceDefinition } from "../grpc/definition.js";
import type { ServiceImplementation } from "../grpc/server/implementation.js";
import { Server, type ServerOptions } from "../grpc/server/server.js";

/** What a generated client class's constructor takes. */
export type ClientClass<C> = new (target: string, credentials?: ChannelCredentials, options?: ClientOptions) => C;

/** A server on a random 127.0.0.1 port for one test; `await using` (or `close()`) stops it and its clients. */
export interface TestServer extends AsyncDisposable {
  /** The server, for more services (`server.add`) or its health statuses. */
  readonly server: Server;
  /** `127.0.0.1:<port>`. */
  readonly address: string;
  readonly port: number;
  /** A client of `Client`'s class (a generated client) connected to this server, closed with it. */
  client<C extends { close(): void }>(Client: ClientClass<C>, options?: ClientOptions): C;
  /** Closes the clients and stops the server at once, cancelling calls still running. */
  close(): Promise<void>;
}

/** Options of `testServer`. */
export interface TestServerOptions {
  /** The server's options (interceptors, health, limits). */
  server?: ServerOptions;
  /** Default options of every `client()` (interceptors, limits); a client's own options win. */
  client?: ClientOptions;
}

/**
 * Serves `implementation` of `definition` on a random loopback port: a real
 * grpc-js server, so calls behave exactly as in production (codec, metadata,
 * deadlines, cancellation, errors with details, interceptors on both sides).
 *
 * ```ts
 * await using t = await testServer(EchoService, { echo: async (r) => ({ text: r.text }) });
 * const client = t.client(EchoServiceClient);
 * ```
 */
export async function testServer<S extends ServiceDefinition>(
  definition: S,
  implementation: Partial<ServiceImplementation<S>>,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const server = new Server(options.server).add(definition, implementation);
  const port = await server.listen("127.0.0.1:0");
  const address = `127.0.0.1:${port}`;
  const clients: { close(): void }[] = [];
  const close = async () => {
    for (const c of clients.splice(0)) c.close();
    server.forceShutdown();
  };
  return {
    server,
    address,
    port,
    client(Client, clientOptions) {
      const client = new Client(address, undefined, { ...options.client, ...clientOptions });
      clients.push(client);
      return client;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
