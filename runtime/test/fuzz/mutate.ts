/** fast-check arbitraries that damage valid inputs: the inputs a decoder meets from a broken or hostile peer. */
import fc from "fast-check";

/** One edit: overwrite, insert, delete, truncate at, or duplicate a slice. */
type Edit = { op: number; at: number; len: number; unit: number };

const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.integer({ min: 0, max: 4 }),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 16 }),
  // Bytes that matter most to varints and tags, then anything.
  unit: fc.oneof(fc.constantFrom(0x00, 0x7f, 0x80, 0xff, 0x08, 0x0a, 0x0b, 0x0c), fc.nat(0x10ffff)),
});

function apply<T>(items: T[], edits: Edit[], unit: (n: number) => T): T[] {
  let out = items.slice();
  for (const { op, at: rawAt, len, unit: u } of edits) {
    const at = rawAt % (out.length + 1);
    if (op === 0 && out.length) out[at % out.length] = unit(u);
    else if (op === 1) out.splice(at, 0, unit(u));
    else if (op === 2) out.splice(at, len);
    else if (op === 3) out = out.slice(0, at);
    else if (op === 4) out.splice(at, 0, ...out.slice(at - len < 0 ? 0 : at - len, at));
  }
  return out;
}

const edits = fc.array(edit, { minLength: 1, maxLength: 4 });

/** A member of `corpus` with 1 to 4 byte-level edits. */
export function mutatedBytes(corpus: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.constantFrom(...corpus), edits).map(([input, e]) => new Uint8Array(apply(Array.from(input), e, (u) => u & 0xff)));
}

/** JSON-breaking characters first, then any code point. */
const jsonUnits = ['"', "{", "}", "[", "]", ":", ",", "\\", "-", "e", "0", "9", " ", "n", "\u0000"];

/** Characters that matter to protobuf text format: delimiters, quotes, escapes, signs, comments, number parts. */
export const textFormatUnits = ['"', "'", "{", "}", "<", ">", "[", "]", ":", ",", ";", "\\", "-", "#", "\n", "x", "e", "f", ".", "0", "7", "9", " ", "\u0000"];

/** A member of `corpus` with 1 to 4 character-level edits, drawing first on `units` (default: JSON-breaking ones). */
export function mutatedText(corpus: readonly string[], units: readonly string[] = jsonUnits): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...corpus), edits)
    .map(([input, e]) => apply([...input], e, (u) => (u < 0x4000 ? units[u % units.length] : String.fromCodePoint(u))).join(""));
}
