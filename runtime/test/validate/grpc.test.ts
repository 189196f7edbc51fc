/**
 * Request validation over gRPC on 127.0.0.1: the server interceptor rejects an invalid request
 * with INVALID_ARGUMENT before the handler sees it (for a stream: at the invalid message, after
 * the earlier ones were handled), with the violations as BadRequest and buf.validate.Violations
 * details; the client interceptor fails locally, sending nothing.
 */
import { BadRequest, Code, RpcError, type ServerInterceptor } from "@tsgrpc/runtime/grpc";
import { testServer, type TestServer } from "@tsgrpc/runtime/testing";
import { ViolationsProto } from "@tsgrpc/runtime/validate";
import { validateBeforeSending, validateRequests } from "@tsgrpc/runtime/validate/grpc";
import { Orders, OrdersClient } from "../../../testdata/validate/gen/cases/v1/service_grpc";
import { Ack, Order } from "../../../testdata/validate/gen/cases/v1/service_pb";

const good = (n: number) => new Order({ id: "550e8400-e29b-41d4-a716-44665544000" + n, quantity: n + 1 });
const bad = new Order({ id: "nope", quantity: 0 });

/** Requests each handler saw, and calls that reached the server at all. */
let handled: Order[] = [];
let arrived = 0;
const countArrivals: ServerInterceptor = (call, next) => {
  arrived++;
  return next(call);
};

const implementation = {
  async place(o: Order) {
    handled.push(o);
    return new Ack({ count: 1, lastId: o.id });
  },
  async *watch(o: Order) {
    handled.push(o);
    yield new Ack({ count: 1 });
  },
  async upload(orders: AsyncIterable<Order>) {
    for await (const o of orders) handled.push(o);
    return new Ack({ count: handled.length });
  },
  async *chat(orders: AsyncIterable<Order>) {
    for await (const o of orders) {
      handled.push(o);
      yield new Ack({ count: handled.length, lastId: o.id });
    }
  },
};

let server: TestServer;
beforeAll(async () => {
  server = await testServer(Orders, implementation, { server: { interceptors: [countArrivals, validateRequests()] } });
});
afterAll(() => server.close());
beforeEach(() => {
  handled = [];
  arrived = 0;
});

async function* stream(...orders: Order[]) {
  yield* orders;
}

async function rejection(p: Promise<unknown>): Promise<RpcError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RpcError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

function expectInvalidOrder(e: RpcError): void {
  expect(e.code).toBe(Code.INVALID_ARGUMENT);
  expect(e.message).toBe("id: must be a valid UUID [string.uuid], and 1 more violation");
  const [badRequest] = e.findDetails(BadRequest);
  expect(badRequest.fieldViolations.map((v) => [v.field, v.reason, v.description])).toEqual([
    ["id", "string.uuid", "must be a valid UUID"],
    ["quantity", "int32.gt", "must be greater than 0"],
  ]);
  const [violations] = e.findDetails(ViolationsProto);
  expect(violations.violations.map((v) => [v.field?.elements.map((x) => x.fieldName), v.rule?.elements.map((x) => x.fieldName), v.ruleId])).toEqual([
    [["id"], ["string", "uuid"], "string.uuid"],
    [["quantity"], ["int32", "gt"], "int32.gt"],
  ]);
}

describe("server: validateRequests()", () => {
  const client = () => server.client(OrdersClient);

  it("unary: a valid request reaches the handler; an invalid one gets INVALID_ARGUMENT and never does", async () => {
    expect((await client().place(good(1))).lastId).toBe(good(1).id);
    expectInvalidOrder(await rejection(client().place(bad)));
    expect(handled).toEqual([good(1)]);
  });

  it("server streaming: the request is checked before the handler runs", async () => {
    expectInvalidOrder(
      await rejection(
        (async () => {
          for await (const _ of client().watch(bad));
        })(),
      ),
    );
    expect(handled).toEqual([]);
  });

  it("client streaming: a bad message mid-stream ends the call with INVALID_ARGUMENT after the earlier ones were handled", async () => {
    expectInvalidOrder(await rejection(client().upload(stream(good(1), good(2), bad, good(3)))));
    expect(handled).toEqual([good(1), good(2)]);
  });

  it("bidi streaming: responses to the messages before the bad one arrive, then INVALID_ARGUMENT", async () => {
    const acks: Ack[] = [];
    const e = await rejection(
      (async () => {
        for await (const a of client().chat(stream(good(1), bad, good(2)))) acks.push(a);
      })(),
    );
    expectInvalidOrder(e);
    expect(acks.map((a) => a.lastId)).toEqual([good(1).id]);
    expect(handled).toEqual([good(1)]);
  });

  it("names the list index in the field path", async () => {
    const e = await rejection(client().place(new Order({ id: good(1).id, quantity: 1, tags: ["a", ""] })));
    expect(e.findDetails(BadRequest)[0].fieldViolations.map((v) => v.field)).toEqual(["tags[1]"]);
  });
});

describe("client: validateBeforeSending()", () => {
  const client = () => server.client(OrdersClient, { interceptors: [validateBeforeSending()] });

  it("unary and server streaming: an invalid request fails locally with the same error, nothing sent", async () => {
    expectInvalidOrder(await rejection(client().place(bad)));
    expectInvalidOrder(
      await rejection(
        (async () => {
          for await (const _ of client().watch(bad));
        })(),
      ),
    );
    expect(arrived).toBe(0);
    expect((await client().place(good(4))).count).toBe(1);
    expect(arrived).toBe(1);
  });

  it("client and bidi streaming: the invalid message is not sent and the call fails with INVALID_ARGUMENT", async () => {
    expectInvalidOrder(await rejection(client().upload(stream(good(1), bad, good(2)))));
    expectInvalidOrder(
      await rejection(
        (async () => {
          for await (const _ of client().chat(stream(good(1), bad)));
        })(),
      ),
    );
    expect(handled.some((o) => o.id === "nope")).toBe(false);
  });
});
