/**
 * Status codes, messages, trailers and typed details (google.rpc.Status in
 * `grpc-status-details-bin`) travel exactly, in every call kind.
 */
import { BadRequest, Code, ErrorInfo, Metadata, RetryInfo, RpcError, Status } from "@tsgrpc/runtime/grpc";
import { Any, Duration } from "@tsgrpc/runtime";
import { collect, rejection, startEcho } from "./helpers.js";

const notFound = () =>
  new RpcError(Code.NOT_FOUND, "no user 42: try again", {
    details: [
      new ErrorInfo({ reason: "USER_MISSING", domain: "users.example", metadata: { id: "42" } }),
      new BadRequest({ fieldViolations: [{ field: "id", description: "unknown" }] }),
    ],
    trailers: { "x-request-id": "r-1", "x-blob-bin": new Uint8Array([0, 255]) },
  });

let echo: Awaited<ReturnType<typeof startEcho>>;
beforeAll(async () => {
  echo = await startEcho({
    async echo(request, context) {
      context.setTrailer({ "x-from-context": "kept" });
      if (request.text === "plain") throw new Error("database password is hunter2");
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a handler that throws a non-Error gets
      if (request.text === "string") throw "a thrown string";
      throw notFound();
    },
    async *expand(request) {
      for (let i = 0; i < request.count; i++) yield { text: String(i) };
      throw notFound();
    },
    async collect(requests) {
      for await (const r of requests) if (r.text === "bad") throw notFound();
      return {};
    },
    async *chat(requests) {
      for await (const r of requests) {
        if (r.text === "bad") throw notFound();
        yield { text: r.text };
      }
    },
  });
});
afterAll(() => echo.stop());

function expectNotFound(error: unknown) {
  expect(error).toBeInstanceOf(RpcError);
  const e = error as RpcError;
  expect(e.code).toBe(Code.NOT_FOUND);
  expect(e.message).toBe("no user 42: try again");
  const [info] = e.findDetails(ErrorInfo);
  expect(info).toBeInstanceOf(ErrorInfo);
  expect(info.reason).toBe("USER_MISSING");
  expect(info.metadata).toEqual({ id: "42" });
  expect(e.findDetails(BadRequest)[0].fieldViolations[0].field).toBe("id");
  expect(e.findDetails(RetryInfo)).toEqual([]);
  expect(e.details.map((d) => d.typeUrl)).toEqual(["type.googleapis.com/google.rpc.ErrorInfo", "type.googleapis.com/google.rpc.BadRequest"]);
  expect(e.trailers.get("x-request-id")).toBe("r-1");
  expect(e.trailers.get("x-blob-bin")).toEqual(new Uint8Array([0, 255]));
}

describe("a handler's RpcError reaches the client exactly", () => {
  it("unary: code, unprefixed message, typed details, trailers (merged with setTrailer)", async () => {
    const error = await rejection(echo.client.echo({ text: "x" }));
    expectNotFound(error);
    expect(error.trailers.get("x-from-context")).toBe("kept");
    // the raw trailer is a google.rpc.Status repeating code and message
    const status = Status.fromBinary(error.trailers.get("grpc-status-details-bin")!);
    expect(status.code).toBe(Code.NOT_FOUND);
    expect(status.message).toBe("no user 42: try again");
  });

  it("server streaming: the messages before the error arrive, then the error", async () => {
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const r of echo.client.expand({ count: 3 })) seen.push(r.text);
      })(),
    );
    expect(seen).toEqual(["0", "1", "2"]);
    expectNotFound(error);
  });

  it("client streaming", async () => {
    expectNotFound(await rejection(echo.client.collect([{ text: "ok" }, { text: "bad" }])));
  });

  it("bidi streaming, mid-stream", async () => {
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const r of echo.client.chat([{ text: "a" }, { text: "b" }, { text: "bad" }, { text: "never" }])) seen.push(r.text);
      })(),
    );
    expect(seen).toEqual(["a", "b"]);
    expectNotFound(error);
  });
});

describe("any other thrown value", () => {
  it.each(["plain", "string"])("(%s) becomes INTERNAL with no message, stack or detail", async (text) => {
    const error = await rejection(echo.client.echo({ text }));
    expect(error).toBeInstanceOf(RpcError);
    expect(error.code).toBe(Code.INTERNAL);
    expect(error.message).toBe("");
    expect(error.details).toEqual([]);
    expect(JSON.stringify(error.trailers.toJSON())).not.toMatch(/hunter2|thrown string|at /);
    expect(error.trailers.get("x-from-context")).toBe("kept");
  });
});

describe("RpcError", () => {
  it("packs plain messages into Any and keeps Any as given", () => {
    const any = Any.pack(new RetryInfo({ retryDelay: new Duration({ seconds: 2n }) }));
    const e = new RpcError(Code.UNAVAILABLE, "later", { details: [any, new ErrorInfo({ reason: "R" })] });
    expect(e.details[0]).toBe(any);
    expect(e.details[1]).toBeInstanceOf(Any);
    expect(e.findDetails(RetryInfo)[0].retryDelay!.seconds).toBe(2n);
    expect(e.findDetails(ErrorInfo)[0].reason).toBe("R");
  });

  it("defaults to an empty message, no details and empty trailers; keeps a cause", () => {
    const cause = new Error("root");
    const e = new RpcError(Code.ABORTED, undefined, { cause });
    expect(e.message).toBe("");
    expect(e.details).toEqual([]);
    expect([...e.trailers]).toEqual([]);
    expect(e.cause).toBe(cause);
    expect(e.name).toBe("RpcError");
    expect(e).toBeInstanceOf(Error);
  });

  it.each([0, 17, -1, 1.5, NaN])("refuses the code %p", (code) => {
    expect(() => new RpcError(code as Code)).toThrow(RangeError);
  });

  it("rejects malformed metadata in trailers with a TypeError", () => {
    expect(() => new RpcError(Code.INTERNAL, "", { trailers: { "bad key": "v" } })).toThrow(TypeError);
    expect(() => new RpcError(Code.INTERNAL, "", { trailers: new Metadata([["k-bin", "not bytes"]]) })).toThrow(TypeError);
  });
});

describe("undecodable details", () => {
  it("leave details empty and keep the raw trailer", async () => {
    const garbage = new Uint8Array([0xff, 0xff, 0xff]);
    const server = await startEcho({
      async echo() {
        throw new RpcError(Code.FAILED_PRECONDITION, "raw", { trailers: { "grpc-status-details-bin": garbage } });
      },
    });
    try {
      const error = await rejection(server.client.echo({}));
      expect(error.code).toBe(Code.FAILED_PRECONDITION);
      expect(error.details).toEqual([]);
      expect(error.trailers.get("grpc-status-details-bin")).toEqual(garbage);
    } finally {
      await server.stop();
    }
  });
});

it("server streaming: an error as the very first thing", async () => {
  expectNotFound(await rejection(collect(echo.client.expand({ count: 0 }))));
});

describe("a handler that returns no message", () => {
  it("answers INTERNAL instead of an empty response", async () => {
    const server = await startEcho({
      echo: (async () => undefined) as never,
      expand: async function* () {
        yield undefined as never;
      },
    });
    try {
      expect((await rejection(server.client.echo({}))).code).toBe(Code.INTERNAL);
      expect((await rejection(collect(server.client.expand({})))).code).toBe(Code.INTERNAL);
    } finally {
      await server.stop();
    }
  });

  it("a client request that is not an object fails the call with a TypeError", async () => {
    await expect(echo.client.echo(undefined as never)).rejects.toThrow(TypeError);
  });
});
