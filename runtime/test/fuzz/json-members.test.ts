import fc from "fast-check";
import { Struct } from "@tsgrpc/runtime";
import { memberColons } from "../../src/json/parse";
import { runs, seed } from "./budget";

/*
 * The duplicate-key check of fromJsonString compares the keys of the parsed
 * tree with the members of the text, which memberColons counts from the
 * character before each ':'. It must give the exact count or decline (-1),
 * whatever the strings hold: a count one too low would hide a lost member.
 */

/** Strings made of the characters that could fool the count. */
const tricky = fc.string({ unit: fc.constantFrom(":", '"', "\\", " ", ",", "[", "{", "}", "a", "\n", "\t", "é"), maxLength: 6 });
const space = fc.constantFrom("", "", "", " ", "\n  ", "\t");

type Tree = string | number | Tree[] | { [key: string]: Tree };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: "small" }, tricky, fc.integer(), fc.array(tie("tree"), { maxLength: 3 }), fc.dictionary(tricky, tie("tree"), { maxKeys: 3 })),
})).tree;

/** JSON text of `t` with whitespace from `spaces` between tokens, and the number of members written. */
function write(t: Tree, spaces: string[]): { text: string; members: number } {
  let members = 0;
  let k = 0;
  const ws = () => spaces[k++ % spaces.length];
  const go = (v: Tree): string => {
    if (typeof v !== "object") return JSON.stringify(v);
    if (Array.isArray(v)) return "[" + v.map((x) => ws() + go(x) + ws()).join(",") + "]";
    const parts = Object.keys(v).map((key) => {
      members++;
      return ws() + JSON.stringify(key) + ws() + ":" + ws() + go(v[key]) + ws();
    });
    return "{" + parts.join(",") + "}";
  };
  const text = go(t);
  return { text, members };
}

describe("counting the members of JSON text (the duplicate-key check)", () => {
  it("gives the exact count or declines, for any strings and any whitespace", () => {
    fc.assert(
      fc.property(tree, fc.array(space, { minLength: 1, maxLength: 7 }), (t, spaces) => {
        const { text, members } = write(t, spaces);
        const n = memberColons(text);
        expect(n === -1 || n === members).toBe(true);
      }),
      { seed, numRuns: runs(3000) },
    );
  });

  it("counts compact text whose strings hold ':' without declining", () => {
    expect(memberColons('{"at":"2024-01-02T03:04:05Z","url":"https://x.example/a:b","k:1":{"":"a\\":b","x\\\\":1}}')).toBe(5);
    expect(memberColons('[{"a":1},{"b":[":x"]}]')).toBe(-1); // a string that starts with ':' is one of the two unclear cases
    expect(memberColons('{"a" :1}')).toBe(-1); // whitespace before a member's ':' is the other
    expect(memberColons('{"a": 1, "b": "c: d"}')).toBe(2); // after the ':' is fine (JSON.stringify's indented form)
  });

  it("finds a lost member in both the counted and the declined cases", () => {
    for (const text of ['{"a":{"x":"1:2","x":"3"}}', '{"a" :{"x":1,"x":2}}', '{"a":{"x":":","x":":"}}', '{"a":[{"k\\"":1,"k\\"":2}]}']) {
      expect(() => Struct.fromJsonString(text)).toThrow(/duplicate key/);
    }
    expect(Struct.fromJsonString('{"a":{"x":":","y":":"},"b" : "c : d"}').toJson()).toEqual({ a: { x: ":", y: ":" }, b: "c : d" });
  });
});
