import { User, Status } from "../../testdata/gen/users/v1/user_service_pb.js";
import { Address } from "../../testdata/gen/common/v1/common_pb.js";
import { Legacy } from "../../testdata/gen/legacy/v1/legacy_pb.js";
import { inheritsNothing } from "./inherits-nothing.js";

describe("initPartial (message constructors)", () => {
  it("leaves every field at its default without init", () => {
    const u = new User();
    expect(u.id).toBe("");
    expect(u.createdAtMs).toBe(0n);
    expect(u.roles).toEqual([]);
    expect(u.nickname).toBeUndefined();
    expect(u.address).toBeUndefined();
    expect(u.contact).toEqual({ case: undefined });
    expect(u.status).toBe(Status.STATUS_UNSPECIFIED);
    expect(inheritsNothing(u.labels)).toBe(true);
    expect(new Legacy().count).toBeUndefined();
  });

  it("turns nested plain objects into message instances, at any depth", () => {
    const u = new User({
      address: { city: "c" },
      friends: [{ id: "f", address: { street: "s" } }],
      addressesById: { "1": { city: "m" } },
      contact: { case: "postal", value: { city: "p" } },
    });
    expect(u.address).toBeInstanceOf(Address);
    expect(u.friends[0]).toBeInstanceOf(User);
    expect(u.friends[0].address).toBeInstanceOf(Address);
    expect(u.addressesById["1"]).toBeInstanceOf(Address);
    expect(u.contact.case === "postal" && u.contact.value).toBeInstanceOf(Address);
  });

  it("keeps message instances as given, but copies arrays and maps", () => {
    const address = new Address({ city: "c" });
    const roles = ["a"];
    const labels = { k: "v" };
    const u = new User({ address, roles, labels });
    expect(u.address).toBe(address);
    expect(u.roles).toEqual(["a"]);
    roles.push("b");
    labels.k = "changed";
    expect(u.roles).toEqual(["a"]);
    expect(u.labels.k).toBe("v");
  });

  it("ignores undefined values and takes zero values that are set", () => {
    const u = new User({ id: undefined, nickname: "", age: 0 });
    expect(u.id).toBe("");
    expect(u.nickname).toBe("");
  });

  it("keeps a map key named __proto__ as an ordinary entry", () => {
    const u = new User({ labels: JSON.parse('{"__proto__": "x"}') as Record<string, string> });
    expect(Object.keys(u.labels)).toEqual(["__proto__"]);
    expect(inheritsNothing(u.labels)).toBe(true);
  });

  it("takes only the oneof member named by `case`", () => {
    expect(new User({ contact: { case: "email", value: "e" } }).contact).toEqual({ case: "email", value: "e" });
    expect(new User({ contact: { case: undefined } }).contact).toEqual({ case: undefined });
  });
});
