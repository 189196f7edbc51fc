import {
  Code,
  RpcError,
  type ClientInterceptor,
  type ClientOptions,
  type Server,
  type ServerInterceptor,
  type ServerOptions,
  type ServiceImplementation,
} from "@tsgrpc/runtime/grpc";
import { testServer, type TestServerOptions } from "@tsgrpc/runtime/testing";
import { EchoService, EchoServiceClient, type EchoServiceImplementation } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { CollectResponse, EchoResponse } from "../../../testdata/gen/rpc/v1/echo_pb.js";

/**
 * The reference behaviour of EchoService (the Python server in ./interop
 * does the same): echo, `count` numbered responses, a summary of the
 * uploaded requests, and upper-cased chat.
 */
export const echoBehaviour: Pick<EchoServiceImplementation, "echo" | "expand" | "collect" | "chat"> = {
  async echo(request) {
    return { text: request.text, payload: request.payload, sequence: request.sequence };
  },
  async *expand(request) {
    for (let i = 0; i < request.count; i++) yield { text: `${request.text}#${i}`, sequence: BigInt(i) };
  },
  async collect(requests) {
    const texts: string[] = [];
    let total = 0n;
    for await (const r of requests) {
      texts.push(r.text);
      total += BigInt(r.payload.length);
    }
    return new CollectResponse({ count: texts.length, joined: texts.join(","), totalBytes: total });
  },
  async *chat(requests) {
    for await (const r of requests) yield new EchoResponse({ text: r.text.toUpperCase(), sequence: r.sequence });
  },
};

/**
 * Which path the behaviour suites run: jest.config.js runs them twice, once as they are and once (project
 * "interceptors") with the global `TSGRPC_PASS_THROUGH` set, where every server and client made through
 * these helpers gets a pass-through interceptor in front of its own, so the interceptor path of the runtime
 * (uniform call shape, async generators between grpc-js and user code) meets the same specifications.
 */
export const passThroughMode = (globalThis as { TSGRPC_PASS_THROUGH?: boolean }).TSGRPC_PASS_THROUGH === true;

/** How many calls the pass-through interceptors have seen on each side. */
export const passThroughCalls = { client: 0, server: 0 };

const clientPassThrough: ClientInterceptor = async function* (call, next) {
  passThroughCalls.client++;
  yield* next(call);
};

const serverPassThrough: ServerInterceptor = async function* (call, next) {
  passThroughCalls.server++;
  yield* next(call);
};

/** `options` with, in pass-through mode, a pass-through interceptor first. */
export function serverOptions(options: ServerOptions = {}): ServerOptions {
  return passThroughMode ? { ...options, interceptors: [serverPassThrough, ...(options.interceptors ?? [])] } : options;
}

/** `options` with, in pass-through mode, a pass-through interceptor first. */
export function clientOptions(options: ClientOptions = {}): ClientOptions {
  return passThroughMode ? { ...options, interceptors: [clientPassThrough, ...(options.interceptors ?? [])] } : options;
}

/** An EchoService server on a random loopback port (the testing kit's `testServer`), and a client for it; `stop()` ends both. */
export async function startEcho(
  implementation: Partial<ServiceImplementation<typeof EchoService>>,
  options: TestServerOptions = {},
): Promise<{ server: Server; port: number; client: EchoServiceClient; stop(): Promise<void> }> {
  const t = await testServer(EchoService, implementation, { server: serverOptions(options.server), client: clientOptions(options.client) });
  return { server: t.server, port: t.port, client: t.client(EchoServiceClient), stop: () => t.close() };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves when `signal` aborts, with its reason and when it aborted (read in the abort event itself, not a tick later). */
export function abortedAt(signal: AbortSignal): Promise<{ reason: unknown; at: number }> {
  return new Promise((resolve) => {
    const done = () => resolve({ reason: signal.reason, at: Date.now() });
    if (signal.aborted) done();
    else signal.addEventListener("abort", done, { once: true });
  });
}

/** Resolves when `signal` aborts, with its reason. */
export const aborted = async (signal: AbortSignal): Promise<unknown> => (await abortedAt(signal)).reason;

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * The rejection of `promise` (fails if it resolves), typed as what calls reject with, an `RpcError`;
 * a test expecting another error names its type (`rejection<RangeError>(...)`) or checks it with `toBeInstanceOf`.
 */
export async function rejection<E = RpcError>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error("expected a rejection");
}

/**
 * How a handler saw a call its client's deadline ended (`error`: the reason its signal aborted with, told at
 * `endedAt`, as `abortedAt` reads it; the server's `deadline`): DEADLINE_EXCEEDED, or CANCELLED when the client's reset (sent when its
 * own deadline passed) reached the server more than the 50 ms the server allows for before the server's
 * deadline, which starts later by the time the request took to arrive and be read (long on a loaded machine,
 * or behind hundreds of other calls). gRPC clients reset a call the same way for a cancel and for a deadline.
 */
export function expectEndedByDeadline(error: unknown, end: { endedAt?: number; deadline?: Date }, clientDeadline: number): void {
  expect(error).toBeInstanceOf(RpcError);
  if ((error as RpcError).code !== Code.CANCELLED) return expect((error as RpcError).code).toBe(Code.DEADLINE_EXCEEDED);
  expect(end.endedAt).toBeGreaterThanOrEqual(clientDeadline - 5);
  expect(end.endedAt).toBeLessThanOrEqual(end.deadline!.getTime() - 50); // told below it, read within the same ms or the next
}

/** Waits until `condition()` holds, polling; fails after `timeoutMs` (the machine may be busy: be generous). */
export async function eventually(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await sleep(10);
  }
}

/** A server interceptor that records every error passing through it (and rethrows it). */
export function errorRecorder(seen: unknown[]): ServerInterceptor {
  return async function* (call, next) {
    try {
      yield* next(call);
    } catch (error) {
      seen.push(error);
      throw error;
    }
  };
}
