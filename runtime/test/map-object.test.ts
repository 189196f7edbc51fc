import { BinaryReader, BinaryWriter, newMap } from "@tsgrpc/runtime";
import { User } from "../../testdata/gen/users/v1/user_service_pb.js";
import { dictionaryMap } from "../src/map-object";
import { inheritsNothing } from "./inherits-nothing.js";

describe("map objects (the values of map fields)", () => {
  test("newMap gives an empty object that inherits nothing, and each call a new one", () => {
    const a = newMap<string>();
    expect(Object.keys(a)).toEqual([]);
    expect(inheritsNothing(a)).toBe(true);
    expect("toString" in a).toBe(false);
    expect(newMap()).not.toBe(a);
  });

  test("__proto__, constructor and toString are ordinary entries of a newMap object", () => {
    const m = newMap<number>();
    m["__proto__"] = 1;
    m["constructor"] = 2;
    m["toString"] = 3;
    expect(Object.keys(m)).toEqual(["__proto__", "constructor", "toString"]);
    expect(m["__proto__"]).toBe(1);
    expect(inheritsNothing(m)).toBe(true);
    expect(Object.keys({})).toEqual([]);
  });

  test("dictionaryMap copies a newMap object, entries and order kept, into a null-prototype object", () => {
    const m = newMap<string>();
    m["b"] = "2";
    m["__proto__"] = "p";
    m["1"] = "one";
    const d = dictionaryMap(m);
    expect(d).not.toBe(m);
    expect(Object.getPrototypeOf(d)).toBeNull();
    expect(Object.entries(d)).toEqual(Object.entries(m));
  });

  test("dictionaryMap returns any other object as it is", () => {
    const d = Object.create(null) as { [k: string]: string };
    expect(dictionaryMap(d)).toBe(d);
    const plain: { [k: string]: string } = { a: "1" };
    expect(dictionaryMap(plain)).toBe(plain);
  });
});

describe("BinaryReader.mapTarget", () => {
  /** A reader that has just read `key` as a map key. */
  function afterKey(key: string): { r: BinaryReader; k: string } {
    const r = new BinaryReader(new BinaryWriter().string(key).finish());
    return { r, k: r.mapKey() };
  }

  test("a key first seen now (an id) moves a newMap object to a dictionary copy that keeps its entries", () => {
    const m = newMap<string>();
    m["x"] = "1";
    const { r, k } = afterKey(`id-${Math.random().toString(36).slice(2)}`);
    const t = r.mapTarget(m, k);
    expect(t).not.toBe(m);
    expect(Object.getPrototypeOf(t)).toBeNull();
    expect(Object.entries(t)).toEqual([["x", "1"]]);
    // Once a dictionary, it stays the same object.
    expect(r.mapTarget(t, k)).toBe(t);
  });

  test("a key seen in recent messages keeps the newMap object", () => {
    for (let i = 0; i < 3; i++) afterKey("region");
    const { r, k } = afterKey("region");
    const m = newMap<string>();
    expect(r.mapTarget(m, k)).toBe(m);
  });

  test("decoded maps hold the same entries whichever object they end in, for repeated and for unique keys", () => {
    const labels = (i: number): { [k: string]: string } => ({ region: "eu", tier: `t${i}`, [`id-${i}`]: "x", __proto__x: "y" });
    for (let i = 0; i < 20; i++) {
      const back = User.fromBinary(new User({ labels: labels(i) }).toBinary());
      expect({ ...back.labels }).toEqual(labels(i));
      expect(inheritsNothing(back.labels)).toBe(true);
    }
  });
});
