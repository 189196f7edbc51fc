import Long from "long";
import { canonical } from "../src/content";

describe("canonical content of a decoded message", () => {
  it("is the same for every peer's representation of the same values", () => {
    const es = { $typeName: "x.M", id: 7n, data: new Uint8Array([1, 2]), note: "", tags: [], inner: { a: 1 } };
    const protobufJs = { inner: { a: 1 }, data: Buffer.from([1, 2]), id: Long.fromNumber(7) };
    expect(canonical(protobufJs)).toBe(canonical(es));
  });

  it("tells different values apart", () => {
    expect(canonical({ id: 7n })).not.toBe(canonical({ id: 8n }));
    expect(canonical({ data: new Uint8Array([1]) })).not.toBe(canonical({ data: new Uint8Array([2]) }));
    expect(canonical({ tags: ["a", "b"] })).not.toBe(canonical({ tags: ["b", "a"] }));
  });

  it("keeps a present sub-message whose fields are all default", () => {
    expect(canonical({ inner: { a: 0 } })).not.toBe(canonical({}));
  });
});
