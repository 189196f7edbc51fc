import { BinaryWriter, unknownFields } from "@tsgrpc/runtime";
import { User, Status } from "../../testdata/gen/users/v1/user_service_pb.js";
import { Address } from "../../testdata/gen/common/v1/common_pb.js";
import { Legacy } from "../../testdata/gen/legacy/v1/legacy_pb.js";
import { inheritsNothing } from "./inherits-nothing.js";

describe("clone", () => {
  const original = () =>
    new User({
      id: "1",
      roles: ["r"],
      address: { city: "c" },
      labels: JSON.parse('{"__proto__": "p", "k": "v"}') as Record<string, string>,
      contact: { case: "postal", value: { city: "p" } },
      avatar: new Uint8Array([1, 2]),
      friends: [{ id: "f" }],
      addressesById: { "1": { city: "x" } },
      history: [Status.STATUS_ACTIVE],
    });

  it("gives an equal message of the same class", () => {
    const u = original();
    const c = u.clone();
    expect(c).toBeInstanceOf(User);
    expect(c.equals(u)).toBe(true);
    expect(inheritsNothing(c.labels)).toBe(true);
    expect(c.labels["__proto__"]).toBe("p");
  });

  it("copies bytes held in a Buffer, whose own slice() would be a view", () => {
    const u = original();
    u.avatar = Buffer.from([1, 2]);
    const c = u.clone();
    c.avatar[0] = 9;
    expect(Array.from(u.avatar)).toEqual([1, 2]);
  });

  it("shares nothing mutable with the original", () => {
    const u = original();
    const c = u.clone();
    c.roles.push("x");
    c.address!.city = "changed";
    c.labels.k = "changed";
    c.avatar[0] = 9;
    c.friends[0].id = "changed";
    c.addressesById["1"].city = "changed";
    if (c.contact.case === "postal") c.contact.value.city = "changed";
    expect(u.equals(original())).toBe(true);
  });

  it("copies unknown fields", () => {
    const bytes = new BinaryWriter()
      .uint32((99 << 3) | 2)
      .bytes(new Uint8Array([1]))
      .finish();
    const a = Address.fromBinary(bytes);
    const c = a.clone();
    expect(c.toBinary()).toEqual(bytes);
    c[unknownFields]![0][0] = 0;
    expect(a.toBinary()).toEqual(bytes);
  });

  it("keeps unset proto2 fields unset", () => {
    const c = new Legacy({ name: "n" }).clone();
    expect(c.name).toBe("n");
    expect(c.count).toBeUndefined();
  });
});
