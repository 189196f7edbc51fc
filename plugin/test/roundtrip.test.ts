import { User, Status, User_Preference, User_Preference_Level } from "../../testdata/gen/users/v1/user_service_pb.js";
import { Address, Priority } from "../../testdata/gen/common/v1/common_pb.js";
import { Timestamp } from "@tsgrpc/runtime";

describe("round trip", () => {
  it("encodes and decodes every field kind of User", () => {
    const user = new User({
      id: "u1",
      displayName: "Ada",
      age: 36,
      createdAtMs: -5n,
      verified: true,
      roles: ["admin", "dev"],
      nickname: "",
      address: { street: "1 Main", city: "X" },
      labels: JSON.parse(`{"a": "1", "__proto__": "p"}`) as { [k: string]: string },
      contact: { case: "postal", value: { city: "Y" } },
      status: Status.STATUS_ACTIVE,
      avatar: new Uint8Array([1, 2, 3]),
      score: -0,
      luckyNumbers: [1, -1, 1 << 30],
      history: [Status.STATUS_SUSPENDED, 99 as Status],
      addressesById: { "-7": { country: "Z" } as never, "9007199254740993": new Address({ city: "big" }) },
      updatedAt: new Timestamp({ seconds: 10n, nanos: 5 }),
      priority: Priority.PRIORITY_HIGH,
      bigAsString: "-123",
      friends: [{ id: "f" }],
      statuses: { x: Status.STATUS_SUSPENDED },
      ratio: NaN,
      optionalStatus: Status.STATUS_UNSPECIFIED,
      preferences: [new User_Preference({ key: "k", level: User_Preference_Level.LEVEL_ON })],
    });
    const bytes = user.toBinary();
    const back = User.fromBinary(bytes);
    expect(back.equals(user)).toBe(true);
    expect(back.contact.case).toBe("postal");
    expect(Object.keys(back.labels)).toEqual(["a", "__proto__"]);
    expect(Object.getPrototypeOf(back.labels)).toBeNull();
    expect(back.toBinary()).toEqual(bytes);
    expect(back.clone().equals(back)).toBe(true);
  });
});
