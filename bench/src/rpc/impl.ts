/**
 * One RPC stack under test: a server and a client for bench.v1.BenchService,
 * each written the way that stack's users write it.
 */
export interface RpcImpl {
  readonly name: string;
  /** Starts the server on 127.0.0.1 (random port); resolves to its port and a stop function. */
  serve(): Promise<{ port: number; stop: () => Promise<void> }>;
  connect(port: number): BenchClient;
}

/** What the client side of every scenario needs; each call carries the bench's ~200-byte user record. */
export interface BenchClient {
  /** One unary call; resolves when the response arrived. */
  echo(): Promise<unknown>;
  /** Server streaming: asks for `count` records; resolves to how many arrived. */
  download(count: number): Promise<number>;
  /** Client streaming: sends `count` records; resolves to how many the server counted. */
  upload(count: number): Promise<number>;
  /** Bidi: `rounds` round trips on one stream, each request sent once the previous response arrived. */
  pingPong(rounds: number): Promise<void>;
  close(): void;
}

/**
 * Requests for a ping-pong over async iterables: yields the next request only
 * after `received()` was called for the previous response.
 */
export function pingPongRequests<T>(message: T, rounds: number): { requests: AsyncIterable<T>; received: () => void } {
  let wake: (() => void) | undefined;
  let pending = 0;
  const received = () => {
    pending++;
    wake?.();
  };
  async function* requests(): AsyncGenerator<T> {
    for (let i = 0; i < rounds; i++) {
      yield message;
      while (pending === 0) await new Promise<void>((resolve) => (wake = resolve));
      pending--;
    }
  }
  return { requests: requests(), received };
}

/** Counts what an async iterable yields. */
export async function drain(items: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of items) n++;
  return n;
}

/** `count` copies of one message, as the async generator users write (nice-grpc takes only async iterables). */
export async function* repeat<T>(message: T, count: number): AsyncGenerator<T> {
  for (let i = 0; i < count; i++) yield message;
}

/**
 * The server side written with async functions and generators, as both
 * tsgrpc and nice-grpc users write it: echo, stream `user` back `count`
 * times, count an upload, echo each ping.
 */
export function asyncService<U, S>(user: U, summary: (count: number) => S) {
  return {
    async echo(request: U): Promise<U> {
      return request;
    },
    async *download(request: { count: number }): AsyncGenerator<U> {
      for (let i = 0; i < request.count; i++) yield user;
    },
    async upload(requests: AsyncIterable<U>): Promise<S> {
      return summary(await drain(requests));
    },
    async *pingPong(requests: AsyncIterable<U>): AsyncGenerator<U> {
      for await (const r of requests) yield r;
    },
  };
}

/** A promise-and-async-iterable client (tsgrpc's, nice-grpc's) as a BenchClient. */
export function asyncClient<U>(
  client: {
    echo(request: U): Promise<unknown>;
    download(request: { count: number }): AsyncIterable<unknown>;
    upload(requests: AsyncIterable<U>): Promise<{ count: number }>;
    pingPong(requests: AsyncIterable<U>): AsyncIterable<unknown>;
  },
  user: U,
  close: () => void,
): BenchClient {
  return {
    echo: () => client.echo(user),
    download: (count) => drain(client.download({ count })),
    upload: async (count) => (await client.upload(repeat(user, count))).count,
    async pingPong(rounds) {
      const { requests, received } = pingPongRequests(user, rounds);
      for await (const _ of client.pingPong(requests)) received();
    },
    close,
  };
}
