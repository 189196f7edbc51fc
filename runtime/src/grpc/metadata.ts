/** A metadata value: binary for keys ending in `-bin`, an ASCII string otherwise. */
export type MetadataValue = string | Uint8Array;

/** What `new Metadata(init)` accepts: another Metadata, a record, or key/value pairs. */
export type MetadataInit = Metadata | { readonly [key: string]: MetadataValue | readonly MetadataValue[] } | Iterable<readonly [string, MetadataValue]>;

type BinaryKey = `${string}-bin`;

// HTTP/2 header names gRPC allows: lower-case letters, digits, `-`, `_`, `.`.
const KEY = /^[0-9a-z_.-]+$/;
// Printable ASCII (what a header value may hold unencoded).
const ASCII_VALUE = /^[\x20-\x7e]*$/;

let appendChecked: (md: Metadata, key: string, value: MetadataValue) => void;
let valuesOf: (md: Metadata) => ReadonlyMap<string, readonly MetadataValue[]>;

/**
 * Adds a pair `isValidMetadataEntry` accepted, `key` already lower-case,
 * without checking it again (for metadata converted from grpc-js's).
 */
export function appendValidated(md: Metadata, key: string, value: MetadataValue): void {
  appendChecked(md, key, value);
}

/** `md`'s values by key, not copied (for converting to grpc-js's metadata without iterating through a generator). */
export function valuesByKey(md: Metadata): ReadonlyMap<string, readonly MetadataValue[]> {
  return valuesOf(md);
}

/**
 * gRPC metadata (headers and trailers): multi-valued, keys case-insensitive
 * and stored lower-case. Keys ending in `-bin` hold `Uint8Array` values, all
 * other keys printable-ASCII strings; the wrong kind throws a `TypeError`.
 * `get` returns the first value of a key, `getAll` every value in order.
 */
export class Metadata implements Iterable<[string, MetadataValue]> {
  readonly #map = new Map<string, MetadataValue[]>();

  static {
    appendChecked = (md, key, value) => {
      const values = md.#map.get(key);
      if (values) values.push(value);
      else md.#map.set(key, [value]);
    };
    valuesOf = (md) => md.#map;
  }

  constructor(init?: MetadataInit) {
    if (init === undefined) return;
    if (init instanceof Metadata) {
      for (const [k, vs] of init.#map) this.#map.set(k, [...vs]);
    } else if (Symbol.iterator in init) {
      for (const [k, v] of init as Iterable<readonly [string, MetadataValue]>) this.#add(k, v);
    } else {
      for (const [k, v] of Object.entries(init)) {
        for (const one of Array.isArray(v) ? v : [v]) this.#add(k, one as MetadataValue);
      }
    }
  }

  get(key: BinaryKey): Uint8Array | undefined;
  get(key: string): string | undefined;
  get(key: string): MetadataValue | undefined {
    return this.#map.get(key.toLowerCase())?.[0];
  }

  getAll(key: BinaryKey): Uint8Array[];
  getAll(key: string): string[];
  getAll(key: string): MetadataValue[] {
    return [...(this.#map.get(key.toLowerCase()) ?? [])];
  }

  /** Replaces every value of `key` with `value`. */
  set(key: BinaryKey, value: Uint8Array): this;
  set(key: string, value: string): this;
  set(key: string, value: MetadataValue): this {
    const k = checkedKey(key);
    this.#map.set(k, [checkedValue(k, value)]);
    return this;
  }

  /** Adds a value after the existing values of `key`. */
  append(key: BinaryKey, value: Uint8Array): this;
  append(key: string, value: string): this;
  append(key: string, value: MetadataValue): this {
    return this.#add(key, value);
  }

  #add(key: string, value: MetadataValue): this {
    const k = checkedKey(key);
    const v = checkedValue(k, value);
    const values = this.#map.get(k);
    if (values) values.push(v);
    else this.#map.set(k, [v]);
    return this;
  }

  delete(key: string): boolean {
    return this.#map.delete(key.toLowerCase());
  }

  has(key: string): boolean {
    return this.#map.has(key.toLowerCase());
  }

  keys(): IterableIterator<string> {
    return this.#map.keys();
  }

  /** Every key/value pair, a key with several values once per value. */
  *[Symbol.iterator](): IterableIterator<[string, MetadataValue]> {
    for (const [k, vs] of this.#map) for (const v of vs) yield [k, v];
  }

  /** Sets every key present in `other` to `other`'s values (keys `other` lacks are kept). */
  merge(other: Metadata): this {
    for (const [k, vs] of other.#map) this.#map.set(k, [...vs]);
    return this;
  }

  /** A plain record for logging: binary values as base64. */
  toJSON(): Record<string, string[]> {
    const out = Object.create(null) as Record<string, string[]>;
    for (const [k, vs] of this.#map) {
      out[k] = vs.map((v) => (typeof v === "string" ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64")));
    }
    return out;
  }
}

/**
 * Whether `new Metadata([[key, value]])` would accept the pair (the checks of
 * `checkedKey` and `checkedValue`, without building their errors).
 */
export function isValidMetadataEntry(key: string, value: MetadataValue): boolean {
  if (typeof key !== "string") return false;
  const k = key.toLowerCase();
  if (!KEY.test(k)) return false;
  return k.endsWith("-bin") ? value instanceof Uint8Array : typeof value === "string" && ASCII_VALUE.test(value);
}

function checkedKey(key: string): string {
  if (typeof key !== "string") throw new TypeError(`metadata key must be a string, got ${typeof key}`);
  const k = key.toLowerCase();
  if (!KEY.test(k)) throw new TypeError(`invalid metadata key ${JSON.stringify(key)}: only a-z, 0-9, "-", "_" and "." are allowed`);
  return k;
}

function checkedValue(key: string, value: MetadataValue): MetadataValue {
  if (key.endsWith("-bin")) {
    if (!(value instanceof Uint8Array)) throw new TypeError(`metadata key "${key}" ends in -bin and needs a Uint8Array value`);
    return value;
  }
  if (typeof value !== "string") throw new TypeError(`metadata key "${key}" needs a string value (only -bin keys hold bytes)`);
  if (!ASCII_VALUE.test(value)) throw new TypeError(`metadata value for "${key}" must be printable ASCII; use a -bin key for other data`);
  return value;
}
