/**
 * Metadata: the class's rules, and headers/trailers end to end with their
 * timing (onHeader before the first message, onTrailer before the call
 * settles or the stream ends).
 */
import { Code, Metadata, RpcError } from "@tsgrpc/runtime/grpc";
import { collect, rejection, startEcho } from "./helpers.js";

describe("Metadata", () => {
  it("is multi-valued with lower-case keys; get is the first value, getAll every value", () => {
    const md = new Metadata().append("X-Tag", "a").append("x-tag", "b");
    expect(md.get("x-tag")).toBe("a");
    expect(md.getAll("X-TAG")).toEqual(["a", "b"]);
    expect(md.has("x-tag")).toBe(true);
    md.set("x-tag", "c");
    expect(md.getAll("x-tag")).toEqual(["c"]);
    expect(md.delete("x-tag")).toBe(true);
    expect(md.has("x-tag")).toBe(false);
    expect(md.get("x-tag")).toBeUndefined();
    expect(md.getAll("x-tag")).toEqual([]);
  });

  it("holds bytes under -bin keys and ASCII strings elsewhere; the wrong kind throws a TypeError", () => {
    const md = new Metadata().set("trace-bin", new Uint8Array([1, 2]));
    expect(md.get("trace-bin")).toEqual(new Uint8Array([1, 2]));
    expect(() => md.set("trace-bin", "text" as never)).toThrow(TypeError);
    expect(() => md.set("trace", new Uint8Array() as never)).toThrow(TypeError);
    expect(() => md.set("name", "caf\u00e9")).toThrow(TypeError);
    expect(() => md.set("name", "line\nbreak")).toThrow(TypeError);
    expect(() => md.set("bad key", "v")).toThrow(TypeError);
    expect(() => md.set("", "v")).toThrow(TypeError);
  });

  it("is constructible from a record (arrays for several values), pairs or another Metadata (copied)", () => {
    const fromRecord = new Metadata({ a: "1", b: ["2", "3"], "c-bin": new Uint8Array([9]) });
    expect([...fromRecord]).toEqual([
      ["a", "1"],
      ["b", "2"],
      ["b", "3"],
      ["c-bin", new Uint8Array([9])],
    ]);
    const fromPairs = new Metadata([
      ["A", "x"],
      ["a", "y"],
    ]);
    expect(fromPairs.getAll("a")).toEqual(["x", "y"]);
    const copy = new Metadata(fromRecord);
    copy.append("b", "4");
    expect(fromRecord.getAll("b")).toEqual(["2", "3"]);
    expect(() => new Metadata({ "x-bin": "no" as never })).toThrow(TypeError);
  });

  it("merges by key and prints binary values as base64 in toJSON", () => {
    const md = new Metadata({ a: "1", b: "2" }).merge(new Metadata({ b: ["3", "4"] }));
    expect(md.toJSON()).toEqual({ a: ["1"], b: ["3", "4"] });
    expect(new Metadata({ "k-bin": new Uint8Array([255]) }).toJSON()).toEqual({ "k-bin": ["/w=="] });
    expect([...md.keys()]).toEqual(["a", "b"]);
  });
});

describe("end to end", () => {
  let echo: Awaited<ReturnType<typeof startEcho>>;
  beforeAll(async () => {
    echo = await startEcho({
      async echo(request, context) {
        const text = JSON.stringify({
          tag: context.metadata.getAll("x-tag"),
          bin: context.metadata.getAll("x-trace-bin").map((b) => [...b]),
          peer: context.peer,
        });
        context.sendHeader({ "x-header": "early" });
        expect(() => context.sendHeader()).toThrow(/already sent/);
        context.setTrailer({ "x-trailer": "late", "x-count-bin": new Uint8Array([7]) });
        if (request.text === "fail") throw new RpcError(Code.PERMISSION_DENIED, "nope", { trailers: { "x-trailer": "from-error" } });
        return { text };
      },
      async *expand(request, context) {
        if (request.text === "explicit") context.sendHeader({ "x-header": "explicit" });
        context.setTrailer({ "x-trailer": "stream-end" });
        for (let i = 0; i < request.count; i++) yield { text: String(i) };
      },
      async collect(requests, context) {
        context.sendHeader({ "x-header": "collect" });
        let n = 0;
        for await (const _ of requests) n++;
        context.setTrailer({ "x-seen": String(n) });
        return { count: n };
      },
      async *chat(requests, context) {
        context.setTrailer(new Metadata({ "x-trailer": "bidi" }));
        for await (const r of requests) yield { text: r.text };
      },
    });
  });
  afterAll(() => echo.stop());

  it("request metadata (several values, binary) reaches the handler; headers and trailers come back", async () => {
    const events: string[] = [];
    let headers: Metadata | undefined;
    let trailers: Metadata | undefined;
    const response = await echo.client.echo(
      {},
      {
        metadata: { "x-tag": ["one", "two"], "x-trace-bin": [new Uint8Array([0, 1, 255]), new Uint8Array([2])] },
        onHeader: (md) => {
          headers = md;
          events.push("header");
        },
        onTrailer: (md) => {
          trailers = md;
          events.push("trailer");
        },
      },
    );
    events.push("settled");
    // HTTP/2 folds several values of a text key into one, joined by ", "; binary values stay apart
    expect(JSON.parse(response.text) as unknown).toEqual({
      tag: ["one, two"],
      bin: [[0, 1, 255], [2]],
      peer: expect.stringMatching(/127\.0\.0\.1:\d+$/) as unknown,
    });
    expect(events).toEqual(["header", "trailer", "settled"]);
    expect(headers!.get("x-header")).toBe("early");
    expect(trailers!.get("x-trailer")).toBe("late");
    expect(trailers!.get("x-count-bin")).toEqual(new Uint8Array([7]));
  });

  it("takes a Metadata instance as request metadata", async () => {
    const response = await echo.client.echo({}, { metadata: new Metadata().append("x-tag", "m") });
    expect((JSON.parse(response.text) as { tag: string[] }).tag).toEqual(["m"]);
  });

  it("onTrailer runs on error too, before the rejection; the error's trailers win over setTrailer's", async () => {
    const events: string[] = [];
    const error = await rejection(
      echo.client.echo({ text: "fail" }, { onTrailer: (md) => events.push("trailer:" + md.get("x-trailer")) }).finally(() => events.push("settled")),
    );
    expect(events).toEqual(["trailer:from-error", "settled"]);
    expect(error.trailers.get("x-trailer")).toBe("from-error");
    expect(error.trailers.get("x-count-bin")).toEqual(new Uint8Array([7]));
  });

  it.each(["explicit", "implicit"])("server streaming (%s headers): onHeader before the first message, onTrailer before the end", async (mode) => {
    const events: string[] = [];
    for await (const r of echo.client.expand(
      { text: mode, count: 2 },
      { onHeader: (md) => events.push("header:" + (md.get("x-header") ?? "none")), onTrailer: (md) => events.push("trailer:" + md.get("x-trailer")) },
    ))
      events.push("message:" + r.text);
    events.push("end");
    expect(events).toEqual([`header:${mode === "explicit" ? "explicit" : "none"}`, "message:0", "message:1", "trailer:stream-end", "end"]);
  });

  it("client streaming and bidi: headers once, trailers once", async () => {
    const events: string[] = [];
    const summary = await echo.client.collect([{}, {}, {}], {
      onHeader: (md) => events.push("header:" + md.get("x-header")),
      onTrailer: (md) => events.push("trailer:" + md.get("x-seen")),
    });
    expect(summary.count).toBe(3);
    expect(events).toEqual(["header:collect", "trailer:3"]);

    const bidiEvents: string[] = [];
    const responses = await collect(
      echo.client.chat([{ text: "x" }], { onHeader: () => bidiEvents.push("header"), onTrailer: (md) => bidiEvents.push("trailer:" + md.get("x-trailer")) }),
    );
    expect(responses.map((r) => r.text)).toEqual(["x"]);
    expect(bidiEvents).toEqual(["header", "trailer:bidi"]);
  });

  it("a trailers-only answer (an error before any header or message) calls onTrailer but not onHeader", async () => {
    const failing = await startEcho({
      async echo() {
        throw new RpcError(Code.ABORTED, "at once", { trailers: { "x-why": "because" } });
      },
    });
    try {
      const events: string[] = [];
      const error = await rejection(
        failing.client.echo({}, { onHeader: () => events.push("header"), onTrailer: (md) => events.push("trailer:" + md.get("x-why")) }),
      );
      expect(error.code).toBe(Code.ABORTED);
      expect(events).toEqual(["trailer:because"]);
    } finally {
      await failing.stop();
    }
  });

  it("a hook that throws fails the call with its error", async () => {
    const oops = new Error("hook failed");
    expect(
      await rejection(
        echo.client.echo(
          {},
          {
            onHeader: () => {
              throw oops;
            },
          },
        ),
      ),
    ).toBe(oops);
    expect(
      await rejection(
        echo.client.echo(
          {},
          {
            onTrailer: () => {
              throw oops;
            },
          },
        ),
      ),
    ).toBe(oops);
  });

  it("invalid request metadata fails the call with a TypeError and sends nothing", async () => {
    await expect(echo.client.echo({}, { metadata: { "bad key": "v" } })).rejects.toThrow(TypeError);
    await expect(collect(echo.client.expand({}, { metadata: { "x-bin": "text" as never } }))).rejects.toThrow(TypeError);
  });
});
