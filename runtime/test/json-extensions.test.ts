import { JsonDecodeError } from "../src/errors";
import { ScalarType } from "../src/scalar";
import { createRegistry, extensionInfo } from "../src/registry";
import { unknownFields } from "../src/unknown-fields";
import { Duration } from "../src/gen/google/protobuf/duration_pb";
import { Child, Sample } from "./json-fixtures";

// extend test.Sample { optional int32 ext_int32 = 100; repeated sint64 ext_packed = 101 [packed = true];
//   optional google.protobuf.Duration ext_duration = 102; repeated string ext_strings = 103; }
const extInt32 = extensionInfo(
  "test.ext_int32",
  () => Sample,
  () => ({
    no: 100,
    name: "ext_int32",
    localName: "extInt32",
    jsonName: "[test.ext_int32]",
    kind: "scalar",
    T: ScalarType.INT32,
    presence: "explicit",
  }),
);
const extPacked = extensionInfo(
  "test.ext_packed",
  () => Sample,
  () => ({
    no: 101,
    name: "ext_packed",
    localName: "extPacked",
    jsonName: "[test.ext_packed]",
    kind: "scalar",
    T: ScalarType.SINT64,
    repeated: true,
    packed: true,
  }),
);
const extDuration = extensionInfo(
  "test.ext_duration",
  () => Sample,
  () => ({
    no: 102,
    name: "ext_duration",
    localName: "extDuration",
    jsonName: "[test.ext_duration]",
    kind: "message",
    T: Duration,
  }),
);
const extStrings = extensionInfo(
  "test.ext_strings",
  () => Sample,
  () => ({
    no: 103,
    name: "ext_strings",
    localName: "extStrings",
    jsonName: "[test.ext_strings]",
    kind: "scalar",
    T: ScalarType.STRING,
    repeated: true,
  }),
);
const childExt = extensionInfo(
  "test.child_ext",
  () => Child,
  () => ({
    no: 100,
    name: "child_ext",
    localName: "childExt",
    jsonName: "[test.child_ext]",
    kind: "scalar",
    T: ScalarType.INT32,
  }),
);
const registry = createRegistry(extInt32, extPacked, extDuration, extStrings, childExt);

describe("extensions in JSON", () => {
  test("are read as [full.name] keys into unknown fields, where binary decoding keeps them too", () => {
    const m = Sample.fromJson({ int32V: 1, "[test.ext_int32]": 5 }, { registry });
    expect(m.int32V).toBe(1);
    expect(m[unknownFields]).toEqual([new Uint8Array([0xa0, 0x06, 0x05])]);
  });

  test("are written back under their [full.name] key", () => {
    const json = {
      "[test.ext_int32]": -1,
      "[test.ext_packed]": ["1", "-2", "3"],
      "[test.ext_duration]": "1.500s",
      "[test.ext_strings]": ["a", "b"],
    };
    const m = Sample.fromJson(json, { registry });
    expect(m[unknownFields]).toHaveLength(5);
    expect(m.toJson({ registry })).toEqual(json);
  });

  test("without the extension in the registry, are unknown keys on read and left out on write", () => {
    expect(() => Sample.fromJson({ "[test.ext_int32]": 5 })).toThrow(JsonDecodeError);
    expect(Sample.fromJson({ "[test.ext_int32]": 5 }, { ignoreUnknownFields: true })[unknownFields]).toBeUndefined();
    expect(Sample.fromJson({ "[test.ext_int32]": 5 }, { registry }).toJson()).toEqual({});
  });

  test("must extend the message they appear in", () => {
    expect(() => Sample.fromJson({ "[test.child_ext]": 5 }, { registry })).toThrow(/unknown field "\[test.child_ext\]"/);
    expect(Child.fromJson({ "[test.child_ext]": 5 }, { registry }).toJson({ registry })).toEqual({ "[test.child_ext]": 5 });
  });

  test("values follow their field's JSON rules", () => {
    expect(() => Sample.fromJson({ "[test.ext_int32]": "x" }, { registry })).toThrow(/\[test.ext_int32\]: expected integer/);
    expect(Sample.fromJson({ "[test.ext_int32]": null }, { registry })[unknownFields]).toBeUndefined();
  });

  test("the registry finds extensions by name and by extendee and number", () => {
    expect(registry.getExtension("test.ext_packed")).toBe(extPacked);
    expect(registry.getExtensionFor("test.Sample", 102)).toBe(extDuration);
    expect(registry.getExtensionFor("test.Child", 100)).toBe(childExt);
    expect(registry.getMessage("google.protobuf.Duration")).toBe(Duration);
  });
});
