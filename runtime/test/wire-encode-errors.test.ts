import { BinaryEncodeError } from "@tsgrpc/runtime";
import { Address } from "../../testdata/gen/common/v1/common_pb.js";
import { User } from "../../testdata/gen/users/v1/user_service_pb.js";

/** The error `toBinary` throws for `user`. */
function encodeError(user: User): BinaryEncodeError {
  try {
    user.toBinary();
  } catch (error) {
    if (error instanceof BinaryEncodeError) return error;
    throw error;
  }
  throw new Error("expected toBinary to throw");
}

describe("a value that cannot be encoded is named by type and field path", () => {
  it.each<[string, () => User, string]>([
    ["a scalar field", () => new User({ age: 2.5 }), "users.v1.User.age"],
    ["an element of a repeated scalar", () => new User({ luckyNumbers: [1, 2, 2.5] }), "users.v1.User.luckyNumbers[2]"],
    ["a field of a nested message", () => new User({ address: new Address({ city: 7 as never }) }), "users.v1.User.address.city"],
    [
      "a nested message in a list",
      () => new User({ friends: [new User(), new User({ friends: [new User({ id: 1 as never })] })] }),
      "users.v1.User.friends[1].friends[0].id",
    ],
    ["a map value", () => new User({ labels: { ok: "x", bad: 3 as never } }), 'users.v1.User.labels["bad"]'],
    ["a message map value", () => new User({ addressesById: { "7": new Address({ street: false as never }) } }), 'users.v1.User.addressesById["7"].street'],
    ["a oneof member", () => new User({ contact: { case: "postal", value: new Address({ countryCode: 1n as never }) } }), "users.v1.User.postal.countryCode"],
    ["an int64 string that is no number", () => new User({ bigAsString: "12x" }), "users.v1.User.bigAsString"],
  ])("%s", (_what, make, path) => {
    const error = encodeError(make());
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(error.cause).toBeInstanceOf(BinaryEncodeError);
  });

  it("the message after the path is what the writer said", () => {
    expect(encodeError(new User({ age: 2.5 })).message).toBe("users.v1.User.age: invalid int32 value: 2.5");
  });
});
