import { BinaryWriter, unknownFields } from "@tsgrpc/runtime";
import { User } from "../../testdata/gen/users/v1/user_service_pb.js";
import { Address } from "../../testdata/gen/common/v1/common_pb.js";
import { RepeatedScalars, Scalars } from "../../testdata/gen/scalars/v1/scalars_pb.js";

describe("equals", () => {
  it("compares every field kind", () => {
    const a = () =>
      new User({
        id: "1",
        roles: ["r"],
        address: { city: "c" },
        labels: { k: "v" },
        contact: { case: "email", value: "e" },
        avatar: new Uint8Array([1]),
        addressesById: { "1": { city: "x" } },
      });
    expect(a().equals(a())).toBe(true);
    const changes: ((u: User) => void)[] = [
      (u) => (u.id = "2"),
      (u) => u.roles.push("s"),
      (u) => (u.address = new Address({ city: "d" })),
      (u) => (u.address = undefined),
      (u) => (u.labels.k = "w"),
      (u) => (u.labels.other = "v"),
      (u) => (u.contact = { case: "phone", value: "e" }),
      (u) => (u.contact = { case: "email", value: "f" }),
      (u) => (u.avatar = new Uint8Array([2])),
      (u) => (u.addressesById["1"] = new Address({ city: "y" })),
      (u) => (u.nickname = ""),
    ];
    for (const change of changes) {
      const b = a();
      change(b);
      expect(a().equals(b)).toBe(false);
      expect(b.equals(a())).toBe(false);
    }
  });

  it("treats NaN as equal to NaN", () => {
    expect(new Scalars({ fDouble: NaN, fFloat: NaN }).equals(new Scalars({ fDouble: NaN, fFloat: NaN }))).toBe(true);
    expect(new RepeatedScalars({ fDouble: [NaN] }).equals(new RepeatedScalars({ fDouble: [NaN] }))).toBe(true);
    expect(new Scalars({ fDouble: NaN }).equals(new Scalars({ fDouble: 0 }))).toBe(false);
  });

  it("compares unknown fields", () => {
    const unknown = (v: number) =>
      new BinaryWriter()
        .uint32((99 << 3) | 0)
        .int32(v)
        .finish();
    const a = Address.fromBinary(unknown(1));
    expect(a.equals(Address.fromBinary(unknown(1)))).toBe(true);
    expect(a.equals(Address.fromBinary(unknown(2)))).toBe(false);
    expect(a.equals(new Address())).toBe(false);
    const empty = new Address();
    empty[unknownFields] = [];
    expect(empty.equals(new Address())).toBe(true);
  });

  it("is false for undefined, null and other types", () => {
    expect(new Address().equals(undefined)).toBe(false);
    expect(new Address().equals(null)).toBe(false);
    expect(new Address().equals(new User() as unknown as Address)).toBe(false);
  });
});
