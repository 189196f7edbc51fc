import { BinaryDecodeError } from "../errors.js";
import type { BinaryReadOptions } from "../options.js";
import { unknownFields, type HasUnknownFields } from "../unknown-fields.js";
import { float32At, float64At } from "./float.js";
import { int64From, uint64From } from "./int64.js";
import { dictionaryMap } from "../map-object.js";
import { decodeMapKey, isRecentKey } from "./map-keys.js";
import { copyRange } from "./slab.js";
import { decodeUtf8 } from "./utf8.js";

const DEFAULT_MAX_DEPTH = 100;
const FLOATS_BEFORE_VIEW = 16;

/**
 * Reads the protobuf binary format for generated `$decode` methods. Every
 * read is bounds-checked against `len`; every malformed input throws a
 * BinaryDecodeError carrying the offset where it was found.
 */
export class BinaryReader {
  readonly buf: Uint8Array;
  pos = 0;
  readonly len: number;
  /** Where the last tag started, so `unknown` keeps the field's bytes exactly as received. */
  private tagStart = 0;
  /** High 32 bits of the last 64-bit value read (the low half is returned). */
  private hi = 0;
  private depth = 0;
  private readonly maxDepth: number;
  private readonly keepUnknown: boolean;
  /** Created once enough floats were read to pay for it (see float.ts). */
  private view: DataView | undefined;
  private floatsRead = 0;

  constructor(bytes: Uint8Array, options?: BinaryReadOptions) {
    if (!(bytes instanceof Uint8Array)) throw new BinaryDecodeError("binary input must be a Uint8Array");
    // A plain Uint8Array view of a Buffer keeps element access monomorphic and makes `slice` copy.
    this.buf = bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.len = bytes.length;
    const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
    if (!Number.isInteger(maxDepth) || maxDepth < 0) {
      throw new BinaryDecodeError(`maxDepth must be a non-negative integer, got ${String(maxDepth)}`);
    }
    this.maxDepth = maxDepth;
    this.keepUnknown = options?.readUnknownFields !== false;
  }

  /** Reads a field tag; rejects field number 0, wire types 6 and 7, and tags over 5 bytes or 32 bits. */
  tag(): number {
    const start = this.pos;
    this.tagStart = start;
    // Fields 1 to 15 have one-byte tags; past the end b is undefined and takes the checked path.
    const b = this.buf[start];
    if (b < 0x80 && b >= 8 && (b & 7) <= 5) {
      this.pos = start + 1;
      return b;
    }
    const t = this.varint32() >>> 0;
    if (this.pos - start > 4) this.checkLongTag(start);
    if (t < 8 || (t & 7) > 5) this.badTag(t, start);
    return t;
  }

  int32(): number {
    return this.varint32();
  }
  uint32(): number {
    return this.varint32() >>> 0;
  }
  sint32(): number {
    const n = this.varint32();
    return (n >>> 1) ^ -(n & 1);
  }
  fixed32(): number {
    return this.bits32() >>> 0;
  }
  sfixed32(): number {
    return this.bits32();
  }
  float(): number {
    const pos = this.advance(4);
    const view = this.floatView();
    return view !== undefined ? view.getFloat32(pos, true) : float32At(this.buf, pos);
  }
  double(): number {
    const pos = this.advance(8);
    const view = this.floatView();
    return view !== undefined ? view.getFloat64(pos, true) : float64At(this.buf, pos);
  }
  /*
   * Packed floating-point payloads: the array is lengthened once and filled
   * by index, about twice as fast as a push per value.
   */
  /** Reads a packed `repeated double` payload (length prefix and values), appending the values to `into`. */
  doubles(into: number[]): void {
    const end = this.packedFixedEnd(8, "double");
    let p = this.pos;
    let i = into.length;
    into.length = i + (end - p) / 8;
    if (this.view !== undefined || end - p > 8 * FLOATS_BEFORE_VIEW) {
      const view = this.createView();
      for (; p < end; p += 8) into[i++] = view.getFloat64(p, true);
    } else {
      for (; p < end; p += 8) into[i++] = float64At(this.buf, p);
    }
    this.pos = end;
  }
  /** Reads a packed `repeated float` payload (length prefix and values), appending the values to `into`. */
  floats(into: number[]): void {
    const end = this.packedFixedEnd(4, "float");
    let p = this.pos;
    let i = into.length;
    into.length = i + (end - p) / 4;
    if (this.view !== undefined || end - p > 4 * FLOATS_BEFORE_VIEW) {
      const view = this.createView();
      for (; p < end; p += 4) into[i++] = view.getFloat32(p, true);
    } else {
      for (; p < end; p += 4) into[i++] = float32At(this.buf, p);
    }
    this.pos = end;
  }
  /** Any varint: zero is false, everything else true (all 64 bits count). */
  bool(): boolean {
    const b = this.buf[this.pos];
    // Nearly every bool is one byte; past the end b is undefined and takes the checked path.
    if (b < 0x80) {
      this.pos++;
      return b !== 0;
    }
    return this.varint64() !== 0 || this.hi !== 0;
  }

  int64(): bigint {
    return int64From(this.varint64(), this.hi);
  }
  uint64(): bigint {
    return uint64From(this.varint64(), this.hi);
  }
  sint64(): bigint {
    const lo = this.varint64();
    const hi = this.hi;
    const mask = -(lo & 1);
    return int64From((((lo >>> 1) | (hi << 31)) ^ mask) >>> 0, (hi >>> 1) ^ mask);
  }
  fixed64(): bigint {
    const lo = this.bits32() >>> 0;
    return uint64From(lo, this.bits32());
  }
  sfixed64(): bigint {
    const lo = this.bits32() >>> 0;
    return int64From(lo, this.bits32());
  }

  /** A length-delimited UTF-8 string; invalid UTF-8 throws when `validate` (proto3, editions default). */
  string(validate = true): string {
    const end = this.delimitedEnd();
    const start = this.pos;
    this.pos = end;
    return decodeUtf8(this.buf, start, end, validate);
  }

  /** A string map key: as `string()`, but a key seen recently comes back as the same string (see map-keys.ts). */
  mapKey(validate = true): string {
    const end = this.delimitedEnd();
    const start = this.pos;
    this.pos = end;
    return decodeMapKey(this.buf, start, end, validate);
  }

  /**
   * The object to store a decoded map entry with key `key` into: `map`
   * itself while its keys are recently seen strings (vocabulary: labels,
   * attributes), else a dictionary-mode copy of it (see map-object.ts), which
   * keys never seen before (ids) fill faster. Generated code stores the result
   * back into the field: a message being decoded is not yet shared, so the
   * object changing is not observable.
   */
  mapTarget<V>(map: { [key: string]: V }, key: string): { [key: string]: V } {
    return isRecentKey(key) ? map : dictionaryMap(map);
  }

  /** Length-delimited bytes, copied so the result does not pin the input buffer. */
  bytes(): Uint8Array {
    const end = this.delimitedEnd();
    const b = copyRange(this.buf, this.pos, end);
    this.pos = end;
    return b;
  }

  /** Reads a length prefix, checks that many bytes remain, and returns where they end. */
  delimitedEnd(): number {
    const start = this.pos;
    let n = this.varint32() >>> 0;
    if (this.pos - start > 4) {
      // 5+ byte lengths: re-read all 64 bits so a huge or negative length is not truncated into a small one.
      this.pos = start;
      n = this.varint64();
      if (this.hi !== 0) throw new BinaryDecodeError("invalid length: over 32 bits", start);
    }
    const remaining = this.len - this.pos;
    if (n > remaining) {
      throw new BinaryDecodeError(`length ${n} exceeds the ${remaining} remaining bytes`, start);
    }
    return this.pos + n;
  }

  /** Throws unless the last field ended exactly at `end`, the end of its enclosing length-delimited region. */
  assertEnd(end: number): void {
    if (this.pos !== end) {
      throw new BinaryDecodeError(`a field overran its enclosing length (region ends at byte ${end})`, this.pos);
    }
  }

  /** Enters a nested message or group; throws past `maxDepth`. */
  enter(): void {
    if (++this.depth > this.maxDepth) {
      throw new BinaryDecodeError(`nesting exceeds the maximum depth of ${this.maxDepth}`, this.pos);
    }
  }
  leave(): void {
    this.depth--;
  }

  /** For a group's decode loop that reached its end without the END_GROUP tag. */
  endGroup(group: number): never {
    throw new BinaryDecodeError(`unterminated group (field ${group})`, this.pos);
  }

  /**
   * Skips the field whose tag was just read and, unless `readUnknownFields`
   * is false, appends its raw bytes (tag included) to `msg[unknownFields]`.
   */
  unknown(msg: HasUnknownFields, tag: number): void {
    const start = this.tagStart;
    this.skip(tag);
    if (this.keepUnknown) {
      const chunk = copyRange(this.buf, start, this.pos);
      const list = msg[unknownFields];
      if (list === undefined) msg[unknownFields] = [chunk];
      else list.push(chunk);
    }
  }

  /** Skips the field whose tag was just read, keeping nothing (e.g. an unknown field of a map entry). */
  skip(tag: number): void {
    switch (tag & 7) {
      case 0:
        this.varint64();
        break;
      case 1:
        this.advance(8);
        break;
      case 2:
        this.pos = this.delimitedEnd();
        break;
      case 3:
        this.skipGroup(tag >>> 3);
        break;
      case 4:
        throw new BinaryDecodeError(`unexpected END_GROUP (field ${tag >>> 3})`, this.tagStart);
      case 5:
        this.advance(4);
        break;
    }
  }

  /** Skips a group and any groups nested in it, iteratively so hostile nesting cannot overflow the stack. */
  private skipGroup(group: number): void {
    const open: number[] = [];
    this.enter();
    for (;;) {
      if (this.pos >= this.len) this.endGroup(group);
      const t = this.tag();
      const wireType = t & 7;
      if (wireType === 3) {
        this.enter();
        open.push(group);
        group = t >>> 3;
      } else if (wireType === 4) {
        if (t >>> 3 !== group) {
          throw new BinaryDecodeError(`END_GROUP for field ${t >>> 3} inside the group of field ${group}`, this.tagStart);
        }
        this.leave();
        const outer = open.pop();
        if (outer === undefined) return;
        group = outer;
      } else {
        this.skip(t);
      }
    }
  }

  /*
   * The varint readers do not bounds-check each byte: a read past the end of
   * a Uint8Array gives undefined, which `& 0x80` turns into a final byte, and
   * one check at the end then reports the truncation. Valid input never reads
   * out of bounds, so the hot path stays a plain unrolled loop.
   */

  /** Reads a varint of up to 10 bytes and returns its low 32 bits as a signed int32. */
  private varint32(): number {
    const buf = this.buf;
    let pos = this.pos;
    let b = buf[pos++];
    let v = b & 0x7f;
    if (b & 0x80) {
      b = buf[pos++];
      v |= (b & 0x7f) << 7;
      if (b & 0x80) {
        b = buf[pos++];
        v |= (b & 0x7f) << 14;
        if (b & 0x80) {
          b = buf[pos++];
          v |= (b & 0x7f) << 21;
          if (b & 0x80) {
            b = buf[pos++];
            v |= b << 28;
            // Bytes 6 to 10 only carry bits above 32.
            if (b & 0x80) pos = this.skipVarintTail(pos);
          }
        }
      }
    }
    if (pos > this.len) this.truncated();
    this.pos = pos;
    return v;
  }

  /** Reads a varint of up to 10 bytes; returns the low 32 bits unsigned and leaves the high 32 in `hi`. */
  private varint64(): number {
    const buf = this.buf;
    let pos = this.pos;
    let lo = 0;
    let hi = 0;
    let b = 0x80;
    for (let shift = 0; shift < 28 && b & 0x80; shift += 7) {
      b = buf[pos++];
      lo |= (b & 0x7f) << shift;
    }
    if (b & 0x80) {
      b = buf[pos++];
      lo |= b << 28;
      hi = (b & 0x7f) >> 4;
      for (let shift = 3; shift < 38 && b & 0x80; shift += 7) {
        b = buf[pos++];
        hi |= (b & 0x7f) << shift;
      }
      if (b & 0x80) this.tooLong();
    }
    if (pos > this.len) this.truncated();
    this.pos = pos;
    this.hi = hi >>> 0;
    return lo >>> 0;
  }

  /** Skips the continuation bytes 6 to 10 of a varint whose 5th byte was at `pos - 1`. */
  private skipVarintTail(pos: number): number {
    const buf = this.buf;
    for (let i = 5; i < 10; i++) {
      if (!(buf[pos++] & 0x80)) return pos;
    }
    return this.tooLong();
  }

  private tooLong(): never {
    throw new BinaryDecodeError("varint longer than 10 bytes", this.pos);
  }

  /** The DataView to read floats through, created after the first few floats (undefined before). */
  private floatView(): DataView | undefined {
    return this.view === undefined && ++this.floatsRead > FLOATS_BEFORE_VIEW ? this.createView() : this.view;
  }

  private createView(): DataView {
    return (this.view ??= new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength));
  }

  /** Reads the length of a packed fixed-width payload, which must hold whole values of `size` bytes. */
  private packedFixedEnd(size: number, type: string): number {
    const end = this.delimitedEnd();
    if ((end - this.pos) % size !== 0) {
      throw new BinaryDecodeError(`packed ${type} payload of ${end - this.pos} bytes is not a whole number of values`, this.pos);
    }
    return end;
  }

  private truncated(): never {
    throw new BinaryDecodeError("truncated input: varint runs past the end", this.len);
  }

  private badTag(t: number, start: number): never {
    throw new BinaryDecodeError(t < 8 ? "invalid tag: field number 0" : `invalid wire type ${t & 7} (field ${t >>> 3})`, start);
  }

  private checkLongTag(start: number): void {
    if (this.pos - start > 5 || this.buf[start + 4] > 0x0f) {
      throw new BinaryDecodeError("invalid tag: longer than 5 bytes or over 32 bits", start);
    }
  }

  /** Reads 4 bytes little endian as a signed int32. */
  private bits32(): number {
    const p = this.advance(4);
    const buf = this.buf;
    return buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24);
  }

  /** Moves past `n` bytes, returning where they start. */
  private advance(n: number): number {
    const p = this.pos;
    if (n > this.len - p) this.tooFew(n);
    this.pos = p + n;
    return p;
  }

  private tooFew(n: number): never {
    throw new BinaryDecodeError(`truncated input: ${n} bytes needed, ${this.len - this.pos} remain`, this.pos);
  }
}
