import * as grpc from "@grpc/grpc-js";
import { Code } from "@tsgrpc/runtime/grpc";
import { aborted, errorRecorder, eventually, rejection, startEcho } from "./helpers.js";

const big = "x".repeat(300);

describe("a request over the server's maxReceiveMessageBytes", () => {
  it("unary: the client's error says the request was too large for the server", async () => {
    const echo = await startEcho(
      {
        async echo(r) {
          return { text: r.text };
        },
      },
      { server: { maxReceiveMessageBytes: 100 } },
    );
    try {
      const error = await rejection(echo.client.echo({ text: big }));
      expect(error.code).toBe(Code.RESOURCE_EXHAUSTED);
      expect(error.message).toBe("request message larger than the server's limit (303 vs 100 bytes)");
    } finally {
      await echo.stop();
    }
  });

  it("mid client stream: the handler and the interceptors see RESOURCE_EXHAUSTED, not CANCELLED", async () => {
    const seenByHandler: unknown[] = [];
    const seenByInterceptor: unknown[] = [];
    const received: string[] = [];
    const observe = errorRecorder(seenByInterceptor);
    const echo = await startEcho(
      {
        async collect(requests, context) {
          try {
            for await (const r of requests) received.push(r.text);
          } catch (error) {
            seenByHandler.push(error);
            throw error;
          }
          await aborted(context.signal);
          return {};
        },
      },
      { server: { maxReceiveMessageBytes: 100, interceptors: [observe], onError: () => undefined } },
    );
    try {
      const error = await rejection(echo.client.collect([{ text: "small" }, { text: big }]));
      expect(error.code).toBe(Code.RESOURCE_EXHAUSTED);
      expect(error.message).toBe("request message larger than the server's limit (303 vs 100 bytes)");
      await eventually(() => seenByInterceptor.length === 1);
      expect(received).toEqual(["small"]);
      expect(seenByHandler).toHaveLength(1);
      expect(seenByHandler[0]).toMatchObject({ code: Code.RESOURCE_EXHAUSTED });
      expect(String((seenByHandler[0] as Error).message)).toContain("request message larger than the server's limit");
      expect(seenByInterceptor[0]).toBe(seenByHandler[0]);
    } finally {
      await echo.stop();
    }
  });
});

describe("a response over the client's maxReceiveMessageBytes", () => {
  it("says it was the response, and which limit", async () => {
    const echo = await startEcho(
      {
        async echo() {
          return { text: big };
        },
      },
      { client: { maxReceiveMessageBytes: 100 } },
    );
    try {
      const error = await rejection(echo.client.echo({}));
      expect(error.code).toBe(Code.RESOURCE_EXHAUSTED);
      expect(error.message).toBe("response message larger than this client's maxReceiveMessageBytes (303 vs 100 bytes)");
    } finally {
      await echo.stop();
    }
  });
});

it("mid client stream, behind a grpc-js-level interceptor too: the handler sees RESOURCE_EXHAUSTED", async () => {
  const seenByHandler: unknown[] = [];
  const passThrough: grpc.ServerInterceptor = (_method, call) => new grpc.ServerInterceptingCall(call);
  const echo = await startEcho(
    {
      async collect(requests, context) {
        try {
          for await (const _ of requests);
        } catch (error) {
          seenByHandler.push(error);
          throw error;
        }
        await aborted(context.signal);
        return {};
      },
    },
    { server: { maxReceiveMessageBytes: 100, channelOptions: { interceptors: [passThrough] }, onError: () => undefined } },
  );
  try {
    expect((await rejection(echo.client.collect([{ text: "small" }, { text: big }]))).code).toBe(Code.RESOURCE_EXHAUSTED);
    await eventually(() => seenByHandler.length === 1);
    expect(seenByHandler[0]).toMatchObject({ code: Code.RESOURCE_EXHAUSTED });
  } finally {
    await echo.stop();
  }
});
