import { inspect } from "node:util";
import { Code, RpcError } from "@tsgrpc/runtime/grpc";
import { collect, rejection, startEcho } from "./helpers.js";

const notFound = () => new RpcError(Code.NOT_FOUND, "no user 7");

let echo: Awaited<ReturnType<typeof startEcho>>;
beforeAll(async () => {
  echo = await startEcho({
    async echo() {
      throw notFound();
    },
    // eslint-disable-next-line require-yield -- fails before its first response
    async *expand() {
      throw notFound();
    },
    async collect() {
      throw notFound();
    },
    // eslint-disable-next-line require-yield -- fails before its first response
    async *chat() {
      throw notFound();
    },
  });
});
afterAll(() => echo.stop());

// Each call is made from a named function of this file, which the error's stack must show.
const calls = {
  unary: async function callerOfUnary() {
    return await echo.client.echo({});
  },
  "server streaming": async function callerOfServerStreaming() {
    return await collect(echo.client.expand({}));
  },
  "client streaming": async function callerOfClientStreaming() {
    return await echo.client.collect([{}]);
  },
  "bidi streaming": async function callerOfBidiStreaming() {
    return await collect(echo.client.chat([{}]));
  },
};

describe.each(Object.entries(calls))("an RpcError from a %s call", (_kind, call) => {
  it("keeps the status message exact", async () => {
    const error = await rejection(call());
    expect(error).toBeInstanceOf(RpcError);
    expect(error.message).toBe("no user 7");
  });

  it("names its code, method and target when printed", async () => {
    const error: RpcError = await rejection(call());
    const path = error.method!;
    expect(path).toMatch(/^\/rpc\.v1\.EchoService\/(Echo|Expand|Collect|Chat)$/);
    expect(error.target).toBe(`dns:127.0.0.1:${echo.port}`);
    expect(inspect(error)).toMatch(/^RpcError \[NOT_FOUND\]: no user 7\n/);
    expect(inspect(error)).toContain(path);
    expect(String(error)).toBe(`RpcError [NOT_FOUND]: no user 7 (${path} on dns:127.0.0.1:${echo.port})`);
  });

  it("has the caller's frame in its stack", async () => {
    const error = await rejection(call());
    expect(error.stack).toContain(call.name);
    expect(error.stack).toContain("rpc-error-display.test.ts");
  });
});

it("an RpcError made by hand prints its code too, with no method", () => {
  const error = new RpcError(Code.UNAVAILABLE, "down");
  expect(inspect(error)).toMatch(/^RpcError \[UNAVAILABLE\]: down\n/);
  expect(String(error)).toBe("RpcError [UNAVAILABLE]: down");
  expect(error.name).toBe("RpcError");
  expect(error.method).toBeUndefined();
});

it("an error after some streamed responses has the caller's frame too", async () => {
  const server = await startEcho({
    async *expand() {
      yield { text: "a" };
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw notFound();
    },
  });
  try {
    const received: string[] = [];
    const error = await rejection(
      (async function readerOfExpand() {
        for await (const r of server.client.expand({})) received.push(r.text);
      })(),
    );
    expect(received).toEqual(["a"]);
    expect(error.stack).toContain("readerOfExpand");
  } finally {
    await server.stop();
  }
});
