import { Code, RpcError, type ServerErrorInfo, type ServerInterceptor } from "@tsgrpc/runtime/grpc";
import { collect, errorRecorder, rejection, startEcho } from "./helpers.js";

/** A server whose error hook records what it is told. */
async function withHook(implementation: Parameters<typeof startEcho>[0], interceptors: ServerInterceptor[] = []) {
  const reports: { error: unknown; info: ServerErrorInfo }[] = [];
  const echo = await startEcho(implementation, { server: { interceptors, onError: (error, info) => reports.push({ error, info }) } });
  return { ...echo, reports };
}

describe("a handler error that is not an RpcError", () => {
  it("reaches the error hook with the method and peer; the client gets INTERNAL with no message", async () => {
    const echo = await withHook({
      async echo() {
        throw new TypeError("cannot read properties of undefined (reading 'id')");
      },
    });
    try {
      const error = await rejection(echo.client.echo({ text: "x" }));
      expect(error.code).toBe(Code.INTERNAL);
      expect(error.message).toBe("");
      expect(echo.reports).toHaveLength(1);
      expect(echo.reports[0].error).toBeInstanceOf(TypeError);
      expect(echo.reports[0].info.method.path).toBe("/rpc.v1.EchoService/Echo");
      expect(echo.reports[0].info.peer).toMatch(/127\.0\.0\.1/);
    } finally {
      await echo.stop();
    }
  });

  it("is not reported when it is an RpcError (the handler chose that status)", async () => {
    const echo = await withHook({
      async echo() {
        throw new RpcError(Code.NOT_FOUND, "no such user");
      },
    });
    try {
      expect((await rejection(echo.client.echo({}))).code).toBe(Code.NOT_FOUND);
      expect(echo.reports).toEqual([]);
    } finally {
      await echo.stop();
    }
  });

  it("is logged to stderr with the method and the stack by default", async () => {
    const logged: unknown[][] = [];
    const spy = jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
    const echo = await startEcho({
      async echo() {
        throw new TypeError("boom");
      },
    });
    try {
      await rejection(echo.client.echo({}));
      expect(logged).toHaveLength(1);
      expect(String(logged[0][0])).toContain("/rpc.v1.EchoService/Echo");
      expect((logged[0][1] as Error).stack).toContain("server-errors.test.ts");
    } finally {
      spy.mockRestore();
      await echo.stop();
    }
  });

  it("a hook that throws still lets the client have its status", async () => {
    const echo = await startEcho(
      {
        async echo() {
          throw new TypeError("boom");
        },
      },
      {
        server: {
          onError() {
            throw new Error("broken hook");
          },
        },
      },
    );
    try {
      expect((await rejection(echo.client.echo({}))).code).toBe(Code.INTERNAL);
    } finally {
      await echo.stop();
    }
  });
});

describe("a response that cannot be encoded (a string field holding a number)", () => {
  const bad = { text: 5 as never };

  it.each([
    ["unary", (c: Awaited<ReturnType<typeof startEcho>>["client"]) => c.echo({})],
    ["server streaming", (c: Awaited<ReturnType<typeof startEcho>>["client"]) => collect(c.expand({ count: 1 }))],
    ["client streaming", (c: Awaited<ReturnType<typeof startEcho>>["client"]) => c.collect([{}])],
    ["bidi streaming", (c: Awaited<ReturnType<typeof startEcho>>["client"]) => collect(c.chat([{}]))],
  ])("%s: answers INTERNAL, reports the encode error, and interceptors see it", async (_kind, call) => {
    const seenByInterceptor: unknown[] = [];
    const observe = errorRecorder(seenByInterceptor);
    const echo = await withHook(
      {
        async echo() {
          return bad;
        },
        async *expand() {
          yield bad;
        },
        async collect(requests) {
          for await (const _ of requests);
          return { count: 2.5 };
        },
        async *chat(requests) {
          for await (const _ of requests) yield bad;
        },
      },
      [observe],
    );
    try {
      const error = await rejection(call(echo.client));
      expect(error.code).toBe(Code.INTERNAL);
      expect(error.message).toBe("");
      expect(echo.reports).toHaveLength(1);
      expect(String(echo.reports[0].error)).toMatch(/^BinaryEncodeError: rpc\.v1\.(EchoResponse\.text|CollectResponse\.count): invalid (string|int32) value/);
      expect(seenByInterceptor).toEqual([echo.reports[0].error]);
    } finally {
      await echo.stop();
    }
  });

  it("without interceptors it is reported too", async () => {
    const echo = await withHook({
      async echo() {
        return bad;
      },
    });
    try {
      expect((await rejection(echo.client.echo({}))).code).toBe(Code.INTERNAL);
      expect(echo.reports).toHaveLength(1);
    } finally {
      await echo.stop();
    }
  });

  it("an interceptor may turn it into a status of its own", async () => {
    const mapToUnavailable: ServerInterceptor = async function* (serverCall, next) {
      try {
        yield* next(serverCall);
      } catch {
        throw new RpcError(Code.UNAVAILABLE, "try later");
      }
    };
    const echo = await withHook(
      {
        async echo() {
          return bad;
        },
      },
      [mapToUnavailable],
    );
    try {
      const error = await rejection(echo.client.echo({}));
      expect(error.code).toBe(Code.UNAVAILABLE);
      expect(echo.reports).toEqual([]);
    } finally {
      await echo.stop();
    }
  });
});
