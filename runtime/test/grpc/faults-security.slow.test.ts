/**
 * Security defaults: what a server and a client refuse without being told,
 * what a failing handler does not tell the caller, and an auth interceptor.
 */
import { Code, Metadata, RpcError, Server, type ServerInterceptor } from "@tsgrpc/runtime/grpc";
import { Tree } from "../../../testdata/gen/hostile/v1/tree_pb.js";
import { Forest, ForestClient } from "../../../testdata/gen/hostile/v1/forest_grpc.js";
import { collect, rejection, startEcho } from "./helpers.js";

const MiB = 1024 * 1024;

describe("message size limits", () => {
  test("a server receives at most 4 MiB unless configured: larger requests answer RESOURCE_EXHAUSTED without the handler", async () => {
    let handled = 0;
    const echo = await startEcho({ echo: async (r) => (handled++, { sequence: BigInt(r.payload.length) }) });
    try {
      expect((await echo.client.echo({ payload: new Uint8Array(4 * MiB - 64) })).sequence).toBe(BigInt(4 * MiB - 64));
      const error = await rejection(echo.client.echo({ payload: new Uint8Array(4 * MiB + 1) }));
      expect(error).toBeInstanceOf(RpcError);
      expect(error.code).toBe(Code.RESOURCE_EXHAUSTED);
      expect(handled).toBe(1);
      expect((await echo.client.echo({ payload: new Uint8Array(10) })).sequence).toBe(10n);
    } finally {
      await echo.stop();
    }
  });

  test("a client receives at most 4 MiB unless configured: a larger response fails the call, the server serves on", async () => {
    const echo = await startEcho({ echo: async (r) => ({ payload: new Uint8Array(Number(r.sequence)) }) });
    try {
      expect((await rejection(echo.client.echo({ sequence: BigInt(4 * MiB + 1) }))).code).toBe(Code.RESOURCE_EXHAUSTED);
      expect((await echo.client.echo({ sequence: 16n })).payload).toHaveLength(16);
    } finally {
      await echo.stop();
    }
  });

  test("a configured server limit applies to streams too: the over-limit message ends the call", async () => {
    const seen: number[] = [];
    const echo = await startEcho(
      {
        async collect(requests) {
          for await (const r of requests) seen.push(r.payload.length);
          return {};
        },
      },
      { server: { maxReceiveMessageBytes: 1024 } },
    );
    try {
      const error = await rejection(echo.client.collect([{ payload: new Uint8Array(100) }, { payload: new Uint8Array(2048) }]));
      expect(error.code).toBe(Code.RESOURCE_EXHAUSTED);
      expect(seen).not.toContain(2048);
    } finally {
      await echo.stop();
    }
  });
});

/** A Tree `depth` levels deep through `left`. */
function deepTree(depth: number): Tree {
  let tree = new Tree({ label: "leaf" });
  for (let i = 1; i < depth; i++) tree = new Tree({ left: tree });
  return tree;
}

const depthOf = (tree: Tree | undefined): number => (tree ? 1 + depthOf(tree.left) : 0);

describe("recursion limit on decode", () => {
  test("a request nested deeper than 100 levels is refused before the handler; 100 levels pass", async () => {
    let handled = 0;
    const server = new Server().add(Forest, {
      async measure(tree) {
        handled++;
        return { label: String(depthOf(tree)) };
      },
    });
    const port = await server.listen("127.0.0.1:0");
    const client = new ForestClient(`127.0.0.1:${port}`);
    try {
      // The top-level message is not counted: 101 messages are 100 levels of nesting.
      expect((await client.measure(deepTree(101))).label).toBe("101");
      const error = await rejection(client.measure(deepTree(102)));
      expect(error.code).toBe(Code.INTERNAL);
      expect(handled).toBe(1);
      // Far deeper still gives the same answer, not a stack overflow.
      expect((await rejection(client.measure(deepTree(20_000)))).code).toBe(Code.INTERNAL);
    } finally {
      client.close();
      server.forceShutdown();
    }
  });
});

describe("errors do not leak", () => {
  test("a handler's own error becomes INTERNAL with no message, stack, cause or details", async () => {
    const secret = "password=hunter2 at /srv/app/db.ts:42";
    const echo = await startEcho({
      echo: async () => {
        throw new Error(secret, { cause: new Error(secret) });
      },
      async *expand() {
        yield { text: "first" };
        throw new TypeError(secret);
      },
    });
    try {
      const unary = await rejection(echo.client.echo({}));
      expect(unary).toBeInstanceOf(RpcError);
      expect(unary.code).toBe(Code.INTERNAL);
      expect(unary.message).toBe("");
      expect(unary.details).toEqual([]);
      expect(JSON.stringify([...unary.trailers.keys()].map((k: string) => [k, String(unary.trailers.getAll(k))]))).not.toContain("hunter2");

      const texts: string[] = [];
      const streamed = await rejection(
        (async () => {
          for await (const r of echo.client.expand({})) texts.push(r.text);
        })(),
      );
      expect(texts).toEqual(["first"]);
      expect(streamed.code).toBe(Code.INTERNAL);
      expect(streamed.message).toBe("");
    } finally {
      await echo.stop();
    }
  });
});

describe("errors thrown before a stream exists", () => {
  test("a plain-function streaming handler or client interceptor that throws at once still ends the call with its status", async () => {
    const echo = await startEcho(
      {
        expand: () => {
          throw new RpcError(Code.NOT_FOUND, "no such text");
        },
      },
      {
        client: {
          interceptors: [
            (call, next) => {
              if (call.method.name === "Chat") throw new RpcError(Code.FAILED_PRECONDITION, "not now");
              return next(call);
            },
          ],
        },
      },
    );
    try {
      const server = await rejection(collect(echo.client.expand({})));
      expect([server.code, server.message]).toEqual([Code.NOT_FOUND, "no such text"]);
      const client = await rejection(collect(echo.client.chat([])));
      expect([client.code, client.message]).toEqual([Code.FAILED_PRECONDITION, "not now"]);
    } finally {
      await echo.stop();
    }
  });
});

describe("an auth interceptor", () => {
  /** The example from README: every call needs `authorization: Bearer <token>`, or it ends UNAUTHENTICATED before the handler. */
  const requireToken =
    (token: string): ServerInterceptor =>
    (call, next) => {
      if (call.context.metadata.get("authorization") !== `Bearer ${token}`) throw new RpcError(Code.UNAUTHENTICATED, "missing or invalid token");
      return next(call);
    };

  test("rejects calls of every kind without the token, before the handler runs, and lets the others through", async () => {
    let handled = 0;
    const echo = await startEcho(
      {
        echo: async (r) => (handled++, { text: r.text }),
        async *expand(r) {
          handled++;
          yield { text: r.text };
        },
        async collect(requests) {
          handled++;
          return { count: (await collect(requests)).length };
        },
        async *chat(requests) {
          handled++;
          for await (const r of requests) yield { text: r.text };
        },
      },
      { server: { interceptors: [requireToken("s3cret")] } },
    );
    const bad = { metadata: new Metadata({ authorization: "Bearer guess" }) };
    const good = { metadata: new Metadata({ authorization: "Bearer s3cret" }) };
    try {
      for (const attempt of [
        () => echo.client.echo({ text: "x" }),
        () => echo.client.echo({ text: "x" }, bad),
        () => collect(echo.client.expand({ text: "x" }, bad)),
        () => echo.client.collect([{ text: "x" }], bad),
        () => collect(echo.client.chat([{ text: "x" }], bad)),
      ]) {
        const error = await rejection(attempt());
        expect(error.code).toBe(Code.UNAUTHENTICATED);
        expect(error.message).toBe("missing or invalid token");
      }
      expect(handled).toBe(0);
      expect((await echo.client.echo({ text: "in" }, good)).text).toBe("in");
      expect((await collect(echo.client.expand({ text: "in" }, good))).map((r) => r.text)).toEqual(["in"]);
      expect((await echo.client.collect([{}, {}], good)).count).toBe(2);
      expect((await collect(echo.client.chat([{ text: "in" }], good))).map((r) => r.text)).toEqual(["in"]);
      expect(handled).toBe(4);
    } finally {
      await echo.stop();
    }
  });
});
