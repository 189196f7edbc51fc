/**
 * The four call kinds end to end over loopback: generated client → runtime
 * → grpc-js → runtime → generated implementation interface, and back.
 */
import { Code, RpcError, type CallContext } from "@tsgrpc/runtime/grpc";
import { CollectResponse, EchoRequest, EchoResponse } from "../../../testdata/gen/rpc/v1/echo_pb.js";
import type { EchoServiceImplementation } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { collect, echoBehaviour, rejection, startEcho } from "./helpers.js";

const implementation: EchoServiceImplementation = {
  ...echoBehaviour,
  async close$(request) {
    return { text: `closed ${request.text}` };
  },
  async old() {
    return {};
  },
};

let echo: Awaited<ReturnType<typeof startEcho>>;
beforeAll(async () => {
  echo = await startEcho(implementation);
});
afterAll(() => echo.stop());

describe("unary", () => {
  it("sends a plain partial object and resolves to a response instance", async () => {
    const response = await echo.client.echo({ text: "hi", payload: new Uint8Array([1, 2, 3]), sequence: 7n });
    expect(response).toBeInstanceOf(EchoResponse);
    expect(response.text).toBe("hi");
    expect(response.payload).toEqual(new Uint8Array([1, 2, 3]));
    expect(response.sequence).toBe(7n);
  });

  it("accepts a request instance", async () => {
    const response = await echo.client.echo(new EchoRequest({ text: "instance" }));
    expect(response.text).toBe("instance");
  });

  it("sends default values as an empty message", async () => {
    expect((await echo.client.echo({})).equals(new EchoResponse())).toBe(true);
  });

  it("escapes a method named like a client member and still calls the right RPC", async () => {
    expect((await echo.client.close$({ text: "x" })).text).toBe("closed x");
    expect(typeof echo.client.close).toBe("function");
  });

  it("runs many concurrent calls on one channel", async () => {
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => echo.client.echo({ text: String(i) })));
    expect(responses.map((r) => r.text)).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
  });
});

describe("server streaming", () => {
  it("yields every response in order", async () => {
    const responses = await collect(echo.client.expand({ text: "a", count: 5 }));
    expect(responses.map((r) => r.text)).toEqual(["a#0", "a#1", "a#2", "a#3", "a#4"]);
    expect(responses.every((r) => r instanceof EchoResponse)).toBe(true);
  });

  it("ends at once for zero responses", async () => {
    expect(await collect(echo.client.expand({ text: "a", count: 0 }))).toEqual([]);
  });

  it("can be read only once", async () => {
    const stream = echo.client.expand({ text: "a", count: 1 });
    await collect(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(TypeError);
  });
});

describe("client streaming", () => {
  it("takes an async iterable of partial objects; its end is the half-close", async () => {
    async function* requests() {
      yield { text: "a", payload: new Uint8Array(3) };
      yield new EchoRequest({ text: "b" });
      yield { text: "c", payload: new Uint8Array(2) };
    }
    const summary = await echo.client.collect(requests());
    expect(summary).toBeInstanceOf(CollectResponse);
    expect(summary.count).toBe(3);
    expect(summary.joined).toBe("a,b,c");
    expect(summary.totalBytes).toBe(5n);
  });

  it("takes a plain array", async () => {
    expect((await echo.client.collect([{ text: "x" }, { text: "y" }])).joined).toBe("x,y");
  });

  it("handles an empty stream", async () => {
    expect((await echo.client.collect([])).count).toBe(0);
  });
});

describe("bidi streaming", () => {
  it("answers each request as it arrives: a response can be read before the next request is sent", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* requests() {
      yield { text: "one", sequence: 1n };
      await gate; // the second request waits for the first response
      yield { text: "two", sequence: 2n };
    }
    const seen: string[] = [];
    for await (const r of echo.client.chat(requests())) {
      seen.push(r.text);
      if (r.text === "ONE") release();
    }
    expect(seen).toEqual(["ONE", "TWO"]);
  });

  it("takes a plain array and ends after the client half-closes", async () => {
    const responses = await collect(echo.client.chat([{ text: "a" }, { text: "b" }, { text: "c" }]));
    expect(responses.map((r) => r.text)).toEqual(["A", "B", "C"]);
  });

  it("keeps the response side open after the client half-closes", async () => {
    const halfClosed = await startEcho({
      async *chat(requests) {
        const texts: string[] = [];
        for await (const r of requests) texts.push(r.text);
        // the request stream has ended (half-close); responses still flow
        for (const t of texts) yield { text: `late ${t}` };
        yield { text: `after ${texts.length} requests` };
      },
    });
    try {
      const responses = await collect(halfClosed.client.chat([{ text: "a" }, { text: "b" }]));
      expect(responses.map((r) => r.text)).toEqual(["late a", "late b", "after 2 requests"]);
    } finally {
      await halfClosed.stop();
    }
  });

  it("lets the server finish first while the client still has requests (half-closed by the server)", async () => {
    const short = await startEcho({
      async *chat(requests) {
        for await (const r of requests) {
          yield { text: r.text };
          return; // one answer, then the status
        }
      },
    });
    try {
      let pulled = 0;
      function* endless() {
        for (;;) {
          pulled++;
          yield { text: "again" };
        }
      }
      const responses = await collect(short.client.chat(endless()));
      expect(responses.map((r) => r.text)).toEqual(["again"]);
      // it stops: HTTP/2 flow control and the status end the pump long before the generator runs dry
      expect(pulled).toBeLessThan(10_000);
    } finally {
      await short.stop();
    }
  });
});

describe("implementations", () => {
  it("answer UNIMPLEMENTED for methods a partial implementation lacks, in every call kind", async () => {
    const partial = await startEcho({});
    try {
      const errors = [
        await rejection(partial.client.echo({})),
        await rejection(collect(partial.client.expand({}))),
        await rejection(partial.client.collect([{}])),
        await rejection(collect(partial.client.chat([{}]))),
      ];
      for (const e of errors) {
        expect(e).toBeInstanceOf(RpcError);
        expect(e.code).toBe(Code.UNIMPLEMENTED);
      }
    } finally {
      await partial.stop();
    }
  });

  it("may be class instances with methods on the prototype", async () => {
    class Impl implements Pick<EchoServiceImplementation, "echo"> {
      prefix = "class:";
      async echo(request: EchoRequest, _context: CallContext) {
        return { text: this.prefix + request.text };
      }
    }
    const withClass = await startEcho(new Impl());
    try {
      expect((await withClass.client.echo({ text: "x" })).text).toBe("class:x");
    } finally {
      await withClass.stop();
    }
  });
});
