/**
 * Names that only collide once converted (testdata/proto/collide/v1/cases.proto):
 * fields and oneofs of one message after camelCase are settled by field
 * number, methods of one service after lowerCamelCase by declaration order,
 * the first keeping the name and the others getting `$` until unique; JSON
 * names are untouched. Messages, enums and services named like TypeScript
 * keywords (type operators included) get `$`.
 */
import { Server } from "@tsgrpc/runtime/grpc";
import { is$, Pings, PingsClient, type PingsImplementation } from "../../testdata/gen/collide/v1/cases_grpc";
import { asserts$, FieldNames, infer$, keyof$, readonly$, satisfies$$type, unique$, unique$$type } from "../../testdata/gen/collide/v1/cases_pb";

describe("fields whose camelCase names collide", () => {
  const fields = () => FieldNames.$fields.list.map((f) => [f.no, f.name, f.localName, f.jsonName]);

  it("keep one property each: the smallest field number keeps the name, the others get $ in number order", () => {
    expect(fields()).toEqual([
      [1, "CamelCase", "CamelCase", "CamelCase"],
      [2, "camelCase", "camelCase", "camelCase"],
      [3, "camel_case", "camelCase$", "camel_case"],
      [4, "Camel_Case", "CamelCase$", "Camel_Case"],
      [5, "camel__case", "camelCase$$", "camel__case"],
      [6, "camel_case_", "camelCase$$$", "camel_case_"],
      [7, "_camel_case", "CamelCase$$", "_camel_case"],
      [20, "pickKind", "pickKind", "pickKind"],
      [21, "pick_a", "pickA", "pick_a"],
      [22, "pickA", "pickA$", "pickA"],
    ]);
  });

  it("a oneof that camelCases like a field with a smaller number is the one renamed; its members are settled too", () => {
    const msg = new FieldNames({ pickKind: "field", pickKind$: { case: "pickA$", value: "second" } });
    expect(FieldNames.$fields.find(21)!.oneof).toBe("pickKind$");
    expect(msg.pickKind).toBe("field");
    expect(msg.pickKind$).toEqual({ case: "pickA$", value: "second" });
  });

  it("every property round-trips through binary on its own field number, and through JSON under its json_name", () => {
    const msg = new FieldNames({ CamelCase: "1", camelCase: "2", camelCase$: "3", CamelCase$: "4", camelCase$$: "5", camelCase$$$: "6", CamelCase$$: "7" });
    const back = FieldNames.fromBinary(msg.toBinary());
    expect(back).toEqual(msg);
    expect(back.equals(msg)).toBe(true);
    expect(msg.toJson()).toEqual({ CamelCase: "1", camelCase: "2", camel_case: "3", Camel_Case: "4", camel__case: "5", camel_case_: "6", _camel_case: "7" });
    expect(FieldNames.fromJson(msg.toJson()).equals(msg)).toBe(true);
    expect(FieldNames.fromBinary(new FieldNames({ camelCase$$: "x" }).toBinary()).camelCase$$).toBe("x");
  });
});

describe("messages, enums and services named like TypeScript keywords", () => {
  it("get $ (readonly$, keyof$, infer$, asserts$, unique$, satisfies$, is$); their proto names are kept", () => {
    expect([readonly$, keyof$, infer$, asserts$].map((t) => t.typeName)).toEqual([
      "collide.v1.readonly",
      "collide.v1.keyof",
      "collide.v1.infer",
      "collide.v1.asserts",
    ]);
    expect(unique$$type.typeName).toBe("collide.v1.unique");
    expect(satisfies$$type.typeName).toBe("collide.v1.satisfies");
    expect(is$.typeName).toBe("collide.v1.is");
  });

  it("work as field types, with fields named like keywords too (is, asserts, satisfies)", () => {
    const msg = new readonly$({ key: { is: "k" }, inferred: [{ asserts: { satisfies: true } }], kind: unique$.UNIQUE_ONE });
    const back = readonly$.fromBinary(msg.toBinary());
    expect(back.equals(msg)).toBe(true);
    expect(back.inferred[0].asserts!.satisfies).toBe(true);
    expect(readonly$.fromJson(msg.toJson()).equals(msg)).toBe(true);
    expect(msg.toJson()).toEqual({ key: { is: "k" }, inferred: [{ asserts: { satisfies: true } }], kind: "UNIQUE_ONE" });
  });
});

describe("methods whose lowerCamelCase names collide", () => {
  it("are settled in declaration order: Ping → ping, ping → ping$, PING → pING, p_ing → pIng", () => {
    expect(Object.entries(Pings.methods).map(([key, m]) => [key, m.name, m.path])).toEqual([
      ["ping", "Ping", "/collide.v1.Pings/Ping"],
      ["ping$", "ping", "/collide.v1.Pings/ping"],
      ["pING", "PING", "/collide.v1.Pings/PING"],
      ["pIng", "p_ing", "/collide.v1.Pings/p_ing"],
    ]);
  });

  it("each reaches its own RPC over the wire", async () => {
    const answer = (name: string) => async (req: keyof$) => ({ is: `${name}:${req.is}` });
    const implementation: PingsImplementation = { ping: answer("Ping"), ping$: answer("ping"), pING: answer("PING"), pIng: answer("p_ing") };
    const server = new Server().add(Pings, implementation);
    const port = await server.listen("127.0.0.1:0");
    const client = new PingsClient(`127.0.0.1:${port}`);
    try {
      const replies = await Promise.all([client.ping({ is: "a" }), client.ping$({ is: "b" }), client.pING({ is: "c" }), client.pIng({ is: "d" })]);
      expect(replies.map((r) => r.is)).toEqual(["Ping:a", "ping:b", "PING:c", "p_ing:d"]);
    } finally {
      client.close();
      await server.shutdown();
    }
  });
});
