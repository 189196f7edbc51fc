import { BinaryEncodeError } from "../errors.js";
import type { BinaryWriteOptions } from "../options.js";
import { unknownFields, type HasUnknownFields } from "../unknown-fields.js";
import { high, low, splitInt64, splitUint64 } from "./int64.js";
import { copyRange, keepLent, lendTail, lentBytes, lentView, returnLent } from "./slab.js";
import { encodeNonAscii, encodeUtf8, SHORT_ENCODE, writeAscii } from "./utf8.js";

const INITIAL_SIZE = 1024;
/**
 * Buffers up to this size are kept for the next writer; bigger ones are left
 * to the GC. Big enough for a message of about 2 MB (the buffer doubles past
 * it), so encoding large documents repeatedly allocates and zero-fills nothing.
 */
const MAX_SPARE_SIZE = 4 << 20;
const DECIMAL = /^-?[0-9]+$/;

/**
 * Bytes the length of a `fork` region took last time, per field tag (its
 * last byte) and nesting depth: what the next `fork` with that tag and depth
 * reserves. Shared by all writers; a wrong guess costs a move, never bytes.
 */
const lengthGuess = new Uint8Array(2048).fill(1);

const EMPTY = new Uint8Array(0);
const EMPTY_VIEW: DataView = new DataView(EMPTY.buffer);

/**
 * The buffer of the last finished writer that had one of its own (a message
 * that outgrew the slab tail, or a writer made with `new`), reused by the
 * next writer that needs one. Encoding is synchronous, so a writer that needs
 * one while another holds it (re-entrant encode) just allocates.
 */
let spare: Uint8Array | undefined;
let spareView: DataView = EMPTY_VIEW;

/**
 * Writes the protobuf binary format for generated `$encode` methods into the
 * slab's free tail or one growable buffer. A length-delimited region reserves the bytes its length
 * is guessed to need (`fork`) and moves in place when the guess was wrong (`join`), so nesting costs no
 * extra buffers. Values that the wire type cannot hold throw BinaryEncodeError.
 */
export class BinaryWriter {
  pos = 0;
  private buf: Uint8Array;
  private view: DataView;
  /** Where this writer's bytes start in `buf`: 0, or where the slab tail lent to it starts. */
  private base = 0;
  private onSlab = false;
  /** Regions forked and not yet joined, to catch unbalanced use at `finish`. */
  private open = 0;
  private readonly writeUnknown: boolean;

  constructor(options?: BinaryWriteOptions) {
    // The buffer comes with the first write (grow), so a writer put on the slab never takes one.
    this.buf = EMPTY;
    this.view = EMPTY_VIEW;
    this.writeUnknown = options?.writeUnknownFields !== false;
  }

  /**
   * A writer that encodes into the free tail of the shared slab (slab.ts), so
   * that `finish` needs no copy; an ordinary one when the tail is lent
   * already (re-entrant encode). The caller must end it with `finish` or
   * `abandon`: the tail is not lent to anyone else until then.
   */
  static onSlab(options?: BinaryWriteOptions): BinaryWriter {
    const w = new BinaryWriter(options);
    const start = lendTail();
    if (start >= 0) {
      w.buf = lentBytes();
      w.view = lentView();
      w.pos = w.base = start;
      w.onSlab = true;
    }
    return w;
  }

  /** Returns the bytes written, as a range of the slab or a copy (see slab.ts for what it shares); the writer is then empty. */
  finish(): Uint8Array {
    if (this.open !== 0) {
      const open = this.open;
      this.abandon();
      throw new BinaryEncodeError(`${open} fork() region(s) not joined`);
    }
    let out: Uint8Array;
    if (this.onSlab) {
      out = keepLent(this.base, this.pos);
    } else {
      out = copyRange(this.buf, this.base, this.pos);
      if (this.buf !== EMPTY && this.buf.length <= MAX_SPARE_SIZE) {
        spare = this.buf;
        spareView = this.view;
      }
    }
    this.reset();
    return out;
  }

  /** Gives up what was written (after an error), handing back the slab tail if this writer held it. */
  abandon(): void {
    if (this.onSlab) returnLent();
    this.reset();
  }

  private reset(): void {
    this.onSlab = false;
    this.buf = EMPTY;
    this.view = EMPTY_VIEW;
    this.pos = this.base = 0;
  }

  /** Varint of an unsigned 32-bit integer; also writes precomputed tags. */
  uint32(v: number): this {
    this.ensure(5);
    this.pos = putVarint32(this.buf, this.pos, checkUint32(v, "uint32"));
    return this;
  }
  int32(v: number): this {
    this.ensure(10);
    this.pos = putInt32(this.buf, this.pos, checkInt32(v, "int32"));
    return this;
  }
  sint32(v: number): this {
    this.ensure(5);
    this.pos = putVarint32(this.buf, this.pos, zigzag32(checkInt32(v, "sint32")));
    return this;
  }
  fixed32(v: number): this {
    this.bits32(checkUint32(v, "fixed32"));
    return this;
  }
  sfixed32(v: number): this {
    this.bits32(checkInt32(v, "sfixed32"));
    return this;
  }
  float(v: number): this {
    this.ensure(4);
    this.view.setFloat32(this.pos, checkFloat(v), true);
    this.pos += 4;
    return this;
  }
  double(v: number): this {
    this.ensure(8);
    this.view.setFloat64(this.pos, checkDouble(v), true);
    this.pos += 8;
    return this;
  }
  /** A packed `repeated float` payload (length prefix and values) with one capacity check for all. */
  floats(values: readonly number[]): this {
    const view = this.packedFixed(values.length, 4);
    let p = this.pos;
    for (let i = 0; i < values.length; i++, p += 4) view.setFloat32(p, checkFloat(values[i]), true);
    this.pos = p;
    return this;
  }
  /** A packed `repeated double` payload (length prefix and values) with one capacity check for all. */
  doubles(values: readonly number[]): this {
    const view = this.packedFixed(values.length, 8);
    let p = this.pos;
    for (let i = 0; i < values.length; i++, p += 8) view.setFloat64(p, checkDouble(values[i]), true);
    this.pos = p;
    return this;
  }
  /*
   * Packed varint payloads (length prefix and values): one capacity check
   * for the worst case of the whole array, then a tight loop. Written out per
   * type, not through a shared loop taking an encoder function, so that each
   * loop inlines its own encoder instead of making a megamorphic call per value.
   */
  int32s(values: readonly number[]): this {
    const mark = this.reservePacked(values.length, 10);
    const buf = this.buf;
    let pos = mark + 1;
    for (let i = 0; i < values.length; i++) pos = putInt32(buf, pos, checkInt32(values[i], "int32"));
    return this.closePacked(mark, pos);
  }
  uint32s(values: readonly number[]): this {
    const mark = this.reservePacked(values.length, 5);
    const buf = this.buf;
    let pos = mark + 1;
    for (let i = 0; i < values.length; i++) pos = putVarint32(buf, pos, checkUint32(values[i], "uint32"));
    return this.closePacked(mark, pos);
  }
  sint32s(values: readonly number[]): this {
    const mark = this.reservePacked(values.length, 5);
    const buf = this.buf;
    let pos = mark + 1;
    for (let i = 0; i < values.length; i++) pos = putVarint32(buf, pos, zigzag32(checkInt32(values[i], "sint32")));
    return this.closePacked(mark, pos);
  }
  int64s(values: readonly (bigint | string)[]): this {
    return this.varint64s(values, "int64", false);
  }
  uint64s(values: readonly (bigint | string)[]): this {
    return this.varint64s(values, "uint64", true);
  }
  sint64s(values: readonly (bigint | string)[]): this {
    const mark = this.reservePacked(values.length, 10);
    const buf = this.buf;
    let pos = mark + 1;
    for (let i = 0; i < values.length; i++) {
      this.split(values[i], "sint64", false);
      pos = putZigzag64(buf, pos);
    }
    return this.closePacked(mark, pos);
  }

  bool(v: boolean): this {
    this.ensure(1);
    this.buf[this.pos++] = v ? 1 : 0;
    return this;
  }

  int64(v: bigint | string): this {
    this.split(v, "int64", false);
    this.varint64(low(), high());
    return this;
  }
  uint64(v: bigint | string): this {
    this.split(v, "uint64", true);
    this.varint64(low(), high());
    return this;
  }
  sint64(v: bigint | string): this {
    this.split(v, "sint64", false);
    this.ensure(10);
    this.pos = putZigzag64(this.buf, this.pos);
    return this;
  }
  fixed64(v: bigint | string): this {
    this.split(v, "fixed64", true);
    this.bits32(low());
    this.bits32(high());
    return this;
  }
  sfixed64(v: bigint | string): this {
    this.split(v, "sfixed64", false);
    this.bits32(low());
    this.bits32(high());
    return this;
  }

  /** Length-prefixed UTF-8. */
  string(s: string): this {
    // Room for the worst case: 3 bytes per UTF-16 unit plus a 5-byte length.
    this.ensure(3 * checkString(s).length + 5);
    return this.putString(s, this.pos);
  }

  /** Length-prefixed bytes. */
  bytes(b: Uint8Array): this {
    if (!(b instanceof Uint8Array)) throw invalid("bytes", b);
    this.varint32(b.length);
    return this.raw(b);
  }

  /** Bytes as they are, no length (unknown fields, pre-encoded data). */
  raw(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  /**
   * Starts a length-delimited region (sub-message, packed field, map entry);
   * pass the result to `join`. It reserves as many bytes for the length as
   * the last region of the same field tag and depth needed (`lengthGuess`),
   * so regions of similar size (the records of a page, the nodes of a tree
   * level) get their length written in place, with no move of their bytes.
   */
  fork(): number {
    this.ensure(5);
    const buf = this.buf;
    const mark = this.pos;
    // The byte before the region is the (last byte of the) field's tag.
    const slot = (((this.open++ & 15) << 7) | (buf[mark - 1] & 0x7f)) & 2047;
    const reserved = lengthGuess[slot];
    // The reserved byte count is kept in the first reserved byte until join overwrites it.
    buf[mark] = reserved;
    this.pos = mark + reserved;
    return mark;
  }

  /** Closes the region started by the `fork` that returned `mark`, writing its length. */
  join(mark: number): this {
    const buf = this.buf;
    const reserved = buf[mark];
    let len = this.pos - mark - reserved;
    const need = len < 0x80 ? 1 : len < 0x4000 ? 2 : len < 0x200000 ? 3 : len < 0x10000000 ? 4 : 5;
    const slot = (((--this.open & 15) << 7) | (buf[mark - 1] & 0x7f)) & 2047;
    lengthGuess[slot] = need;
    if (need !== reserved) {
      // Guessed wrong: move the region to fit the length (right when it needs more bytes, left when fewer).
      if (need > reserved) this.ensure(need - reserved);
      this.buf.copyWithin(mark + need, mark + reserved, this.pos);
      this.pos += need - reserved;
    }
    let p = mark;
    const out = this.buf;
    while (len > 0x7f) {
      out[p++] = (len & 0x7f) | 0x80;
      len >>>= 7;
    }
    out[p] = len;
    return this;
  }

  /*
   * A field's precomputed tag and its value in one call: what generated
   * `$encode` uses, one writer call per field instead of two (`uint32(tag)`
   * then the value). Same bytes, and records and pages encode about 1.1x to
   * 1.2x faster (docs/BENCHMARKS.md): a big `$encode` runs out of V8's
   * inlining budget, so half the call sites means fewer real calls. The
   * common types also check capacity once for the tag and the value.
   */
  fieldInt32(tag: number, v: number): this {
    this.ensure(15);
    this.pos = putInt32(this.buf, putVarint32(this.buf, this.pos, tag), checkInt32(v, "int32"));
    return this;
  }
  fieldUint32(tag: number, v: number): this {
    this.ensure(10);
    this.pos = putVarint32(this.buf, putVarint32(this.buf, this.pos, tag), checkUint32(v, "uint32"));
    return this;
  }
  fieldSint32(tag: number, v: number): this {
    return this.tag(tag).sint32(v);
  }
  fieldFixed32(tag: number, v: number): this {
    return this.tag(tag).fixed32(v);
  }
  fieldSfixed32(tag: number, v: number): this {
    return this.tag(tag).sfixed32(v);
  }
  fieldFloat(tag: number, v: number): this {
    return this.tag(tag).float(v);
  }
  fieldDouble(tag: number, v: number): this {
    this.ensure(13);
    const pos = putVarint32(this.buf, this.pos, tag);
    this.view.setFloat64(pos, checkDouble(v), true);
    this.pos = pos + 8;
    return this;
  }
  fieldBool(tag: number, v: boolean): this {
    this.ensure(6);
    const pos = putVarint32(this.buf, this.pos, tag);
    this.buf[pos] = v ? 1 : 0;
    this.pos = pos + 1;
    return this;
  }
  fieldInt64(tag: number, v: bigint | string): this {
    this.split(v, "int64", false);
    this.ensure(15);
    this.pos = putVarint64(this.buf, putVarint32(this.buf, this.pos, tag), low(), high());
    return this;
  }
  fieldUint64(tag: number, v: bigint | string): this {
    return this.tag(tag).uint64(v);
  }
  fieldSint64(tag: number, v: bigint | string): this {
    return this.tag(tag).sint64(v);
  }
  fieldFixed64(tag: number, v: bigint | string): this {
    return this.tag(tag).fixed64(v);
  }
  fieldSfixed64(tag: number, v: bigint | string): this {
    return this.tag(tag).sfixed64(v);
  }
  fieldString(tag: number, v: string): this {
    const n = checkString(v).length;
    this.ensure(3 * n + 10);
    if (tag > 0x7f || n > SHORT_ENCODE) return this.putString(v, putVarint32(this.buf, this.pos, tag));
    // A short text after a one-byte tag (ids, names, labels: most strings) is written here, its length
    // one byte: a big `$encode` is past V8's inlining budget, and the calls of the general path cost
    // pages of records 3% to 9% of their encode time.
    const buf = this.buf;
    const pos = this.pos;
    buf[pos] = tag;
    const i = writeAscii(v, buf, pos + 2);
    // Not ASCII: still at most 3 bytes per unit, 96 in all, so the length still fits its byte.
    const end = i === n ? pos + 2 + n : encodeNonAscii(v, i, buf, pos + 2 + i);
    buf[pos + 1] = end - pos - 2;
    this.pos = end;
    return this;
  }
  fieldBytes(tag: number, v: Uint8Array): this {
    return this.tag(tag).bytes(v);
  }
  /**
   * One `map<string, string>` entry: the map field's tag, the entry's length,
   * then the key (field 1) and the value (field 2), both written even when
   * empty. The bytes of `forkField`, two `fieldString` and `join` in one call,
   * the length reserved as one byte (entries are short) instead of guessed:
   * maps of labels and attributes are where large messages spend their writer calls.
   */
  fieldStringEntry(tag: number, k: string, v: string): this {
    this.ensure(6);
    const mark = putVarint32(this.buf, this.pos, tag);
    this.pos = mark + 1;
    this.fieldString(10, k).fieldString(18, v);
    this.writeLength(mark);
    return this;
  }

  /** A length-delimited field's tag, then `fork`: pass the result to `join`. */
  forkField(tag: number): number {
    return this.tag(tag).fork();
  }

  /** A precomputed tag: generated code passes only valid ones, so it is not checked as `uint32` checks a value. */
  private tag(t: number): this {
    this.ensure(5);
    this.pos = putVarint32(this.buf, this.pos, t);
    return this;
  }

  /** Writes back the unknown fields decoding kept on `msg`, unless `writeUnknownFields` is false. */
  unknown(msg: HasUnknownFields): this {
    const list = msg[unknownFields];
    if (list !== undefined && this.writeUnknown) {
      for (let i = 0; i < list.length; i++) this.raw(list[i]);
    }
    return this;
  }

  /** Writes `s` as UTF-8 after a length at `mark` (the caller made room for both). */
  private putString(s: string, mark: number): this {
    this.pos = encodeUtf8(s, this.buf, mark + 1);
    this.writeLength(mark);
    return this;
  }

  /**
   * Fills in the length of the region after the byte reserved at `mark`,
   * moving the region right when the length needs more than that one byte.
   */
  private writeLength(mark: number): void {
    let len = this.pos - mark - 1;
    if (len < 0x80) {
      this.buf[mark] = len;
      return;
    }
    const extra = len < 0x4000 ? 1 : len < 0x200000 ? 2 : len < 0x10000000 ? 3 : 4;
    this.ensure(extra);
    const buf = this.buf;
    buf.copyWithin(mark + 1 + extra, mark + 1, this.pos);
    this.pos += extra;
    let p = mark;
    while (len > 0x7f) {
      buf[p++] = (len & 0x7f) | 0x80;
      len >>>= 7;
    }
    buf[p] = len;
  }

  private varint32(v: number): void {
    this.ensure(5);
    this.pos = putVarint32(this.buf, this.pos, v);
  }

  private varint64s(values: readonly (bigint | string)[], type: string, unsigned: boolean): this {
    const mark = this.reservePacked(values.length, 10);
    const buf = this.buf;
    let pos = mark + 1;
    for (let i = 0; i < values.length; i++) {
      this.split(values[i], type, unsigned);
      pos = putVarint64(buf, pos, low(), high());
    }
    return this.closePacked(mark, pos);
  }

  /** Makes room for `n` values of at most `size` bytes after a one-byte length; returns where the length goes. */
  private reservePacked(n: number, size: number): number {
    this.ensure(n * size + 1);
    return this.pos;
  }

  private closePacked(mark: number, end: number): this {
    this.pos = end;
    this.writeLength(mark);
    return this;
  }

  /** Writes the length of `n` values of `size` bytes and makes room for them; returns the view to write them with. */
  private packedFixed(n: number, size: number): DataView {
    this.varint32(n * size);
    this.ensure(n * size);
    return this.view;
  }

  /** Varint of the 64-bit value hi:lo (both unsigned 32-bit halves). */
  private varint64(lo: number, hi: number): void {
    this.ensure(10);
    this.pos = putVarint64(this.buf, this.pos, lo, hi);
  }

  /** 4 bytes little endian. */
  private bits32(v: number): void {
    this.ensure(4);
    const buf = this.buf;
    const pos = this.pos;
    buf[pos] = v;
    buf[pos + 1] = v >>> 8;
    buf[pos + 2] = v >>> 16;
    buf[pos + 3] = v >>> 24;
    this.pos = pos + 4;
  }

  /** Checks a 64-bit value (bigint or decimal string) against the range of `type` and loads it for `low()` / `high()`. */
  private split(v: bigint | string, type: string, unsigned: boolean): void {
    let b: bigint;
    if (typeof v === "bigint") b = v;
    else if (typeof v === "string" && DECIMAL.test(v)) b = BigInt(v);
    else throw invalid(type, v);
    if (!(unsigned ? splitUint64(b) : splitInt64(b))) throw new BinaryEncodeError(`${type} value out of range: ${b}`);
  }

  private ensure(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n);
  }

  /** Moves to a bigger buffer of its own; the bytes keep their offsets, which `fork` marks refer to. */
  private grow(n: number): void {
    const need = this.pos + n;
    let buf: Uint8Array;
    let view: DataView;
    if (spare !== undefined && spare.length >= need) {
      buf = spare;
      view = spareView;
      spare = undefined;
    } else {
      let size = Math.max(this.buf.length * 2, INITIAL_SIZE);
      while (size < need) size *= 2;
      buf = new Uint8Array(size);
      view = new DataView(buf.buffer);
    }
    buf.set(this.buf.subarray(this.base, this.pos), this.base);
    if (this.onSlab) {
      this.onSlab = false;
      returnLent();
    }
    this.buf = buf;
    this.view = view;
  }
}

/*
 * Element encoders shared by the single-value and packed methods: each writes
 * at `pos` (the caller made room) and returns the new end.
 */

function putVarint32(buf: Uint8Array, pos: number, v: number): number {
  while (v > 0x7f) {
    buf[pos++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[pos] = v;
  return pos + 1;
}

/** Varint of the 64-bit value hi:lo (both unsigned 32-bit halves). */
function putVarint64(buf: Uint8Array, pos: number, lo: number, hi: number): number {
  while (hi !== 0 || lo > 0x7f) {
    buf[pos++] = (lo & 0x7f) | 0x80;
    lo = ((lo >>> 7) | (hi << 25)) >>> 0;
    hi >>>= 7;
  }
  buf[pos] = lo;
  return pos + 1;
}

/** A negative int32 is sign-extended to 64 bits: always 10 bytes. */
function putInt32(buf: Uint8Array, pos: number, v: number): number {
  return v < 0 ? putVarint64(buf, pos, v >>> 0, 0xffffffff) : putVarint32(buf, pos, v);
}

/** The zigzag varint of the 64-bit value last split (see int64.ts). */
function putZigzag64(buf: Uint8Array, pos: number): number {
  const lo = low();
  const hi = high();
  const mask = hi >> 31;
  return putVarint64(buf, pos, ((lo << 1) ^ mask) >>> 0, (((hi << 1) | (lo >>> 31)) ^ mask) >>> 0);
}

function zigzag32(v: number): number {
  return ((v << 1) ^ (v >> 31)) >>> 0;
}

function checkInt32(v: number, type: string): number {
  if ((v | 0) !== v) throw invalid(type, v);
  return v;
}

function checkUint32(v: number, type: string): number {
  if (v >>> 0 !== v) throw invalid(type, v);
  return v;
}

function checkString(v: string): string {
  if (typeof v !== "string") throw invalid("string", v);
  return v;
}

function checkDouble(v: number): number {
  if (typeof v !== "number") throw invalid("double", v);
  return v;
}

/** Out of range means rounding to float32 overflows: 3.4028235e38, FLT_MAX as printed, still fits. */
function checkFloat(v: number): number {
  if (typeof v !== "number") throw invalid("float", v);
  const f = Math.fround(v);
  if ((f === Infinity || f === -Infinity) && f !== v) throw invalid("float", v);
  return v;
}

function invalid(type: string, v: unknown): BinaryEncodeError {
  const shown =
    typeof v === "string"
      ? JSON.stringify(v)
      : typeof v === "bigint"
        ? `${v}n`
        : typeof v === "object" && v !== null
          ? Object.prototype.toString.call(v)
          : String(v);
  return new BinaryEncodeError(`invalid ${type} value: ${shown.length > 40 ? shown.slice(0, 40) + "…" : shown}`);
}
