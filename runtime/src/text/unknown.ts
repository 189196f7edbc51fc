import { BinaryReader } from "../wire/reader.js";
import type { Printer } from "./printer.js";
import { quoteBytes } from "./escapes.js";

/**
 * Unknown fields printed by number, as protobuf's other printers do:
 * varints in decimal, fixed32/fixed64 in hex, length-delimited values as
 * a nested message when their bytes parse as one (else as bytes), groups as
 * nested messages. Such text documents the data; it cannot be parsed back.
 */

type Entry = { no: number; kind: "scalar"; text: string } | { no: number; kind: "message"; fields: Entry[] };

/** Nesting budget for guessing that bytes are a message: past it, they print as bytes. */
const MAX_DEPTH = 100;

export function printUnknown(chunks: readonly Uint8Array[], p: Printer): void {
  for (const chunk of chunks) {
    const fields = parse(chunk, 0);
    // Chunks were read by the binary decoder, so they parse; if not, show the bytes rather than nothing.
    for (const e of fields ?? [{ no: 0, kind: "scalar", text: quoteBytes(chunk) } as const]) emit(e, p);
  }
}

function emit(e: Entry, p: Printer): void {
  if (e.kind === "scalar") return p.field(String(e.no), e.text);
  p.open(String(e.no));
  for (const f of e.fields) emit(f, p);
  p.close();
}

/** The fields in `bytes`, or undefined when they are not a well-formed sequence of fields. */
function parse(bytes: Uint8Array, depth: number): Entry[] | undefined {
  try {
    const r = new BinaryReader(bytes);
    const out = readFields(r, r.len, undefined, depth);
    return r.pos === r.len ? out : undefined;
  } catch {
    return undefined;
  }
}

function readFields(r: BinaryReader, end: number, group: number | undefined, depth: number): Entry[] | undefined {
  const out: Entry[] = [];
  while (r.pos < end) {
    const tag = r.tag();
    const no = tag >>> 3;
    switch (tag & 7) {
      case 0:
        out.push({ no, kind: "scalar", text: r.uint64().toString() });
        break;
      case 1:
        out.push({ no, kind: "scalar", text: "0x" + r.fixed64().toString(16).padStart(16, "0") });
        break;
      case 5:
        out.push({ no, kind: "scalar", text: "0x" + r.fixed32().toString(16).padStart(8, "0") });
        break;
      case 2: {
        const stop = r.delimitedEnd();
        const bytes = r.buf.subarray(r.pos, stop);
        r.pos = stop;
        const fields = bytes.length > 0 && depth < MAX_DEPTH ? parse(bytes, depth + 1) : undefined;
        out.push(fields ? { no, kind: "message", fields } : { no, kind: "scalar", text: quoteBytes(bytes) });
        break;
      }
      case 3: {
        if (depth >= MAX_DEPTH) return undefined;
        const fields = readFields(r, end, no, depth + 1);
        if (!fields) return undefined;
        out.push({ no, kind: "message", fields });
        break;
      }
      default:
        // END_GROUP: ends the group being read, if it is this one.
        return no === group ? out : undefined;
    }
  }
  return group === undefined ? out : undefined;
}
