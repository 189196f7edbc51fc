/**
 * Hand-written messages in the shape the plugin generates, so the wire layer
 * is tested through the same calls generated code makes.
 */
import { Message, type PartialMessage } from "../../src/message";
import { fieldList } from "../../src/fields";
import type { BinaryReader } from "../../src/wire/reader";
import type { BinaryWriter } from "../../src/wire/writer";

/** No known fields: everything it reads is kept as unknown fields. */
export class Raw extends Message<Raw> {
  static readonly typeName = "test.Raw";
  static readonly $fields = fieldList(() => []);
  constructor(_init?: PartialMessage<Raw>) {
    super();
  }
  $encode(w: BinaryWriter): void {
    w.unknown(this);
  }
  $decode(r: BinaryReader, end: number, group?: number): void {
    while (r.pos < end) {
      const t = r.tag();
      if (group !== undefined && t === ((group << 3) | 4)) return;
      r.unknown(this, t);
    }
    if (group !== undefined) r.endGroup(group);
  }
}

/** `message Nest { Nest child = 1; }`: recursion through length-delimited sub-messages. */
export class Nest extends Message<Nest> {
  static readonly typeName = "test.Nest";
  static readonly $fields = fieldList(() => []);
  child?: Nest;
  constructor(init?: PartialMessage<Nest>) {
    super();
    if (init?.child) this.child = init.child instanceof Nest ? init.child : new Nest(init.child);
  }
  $encode(w: BinaryWriter): void {
    if (this.child) {
      w.uint32(10);
      const mark = w.fork();
      this.child.$encode(w);
      w.join(mark);
    }
    w.unknown(this);
  }
  $decode(r: BinaryReader, end: number): void {
    while (r.pos < end) {
      const t = r.tag();
      if (t === 10) {
        const childEnd = r.delimitedEnd();
        const child = (this.child ??= new Nest());
        r.enter();
        child.$decode(r, childEnd);
        r.leave();
        r.assertEnd(childEnd);
      } else {
        r.unknown(this, t);
      }
    }
  }
}

/** A chain of `depth` Nest messages below the returned one. */
export function nestChain(depth: number): Nest {
  const root = new Nest();
  let m = root;
  for (let i = 0; i < depth; i++) m = m.child = new Nest();
  return root;
}
