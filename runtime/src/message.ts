import type { FieldList } from "./fields.js";
import type { BinaryReader } from "./wire/reader.js";
import type { BinaryWriter } from "./wire/writer.js";
import type { JsonObject, JsonValue } from "./json/json-value.js";
import type { ReadContext as JsonReadContext, WriteContext as JsonWriteContext } from "./json/context.js";
import type {
  BinaryReadOptions,
  BinaryWriteOptions,
  JsonReadOptions,
  JsonWriteOptions,
  JsonWriteStringOptions,
  TextReadOptions,
  TextWriteOptions,
} from "./options.js";
import { readBinary, writeBinary } from "./wire/binary.js";
import { readJson, readJsonString, writeJson, writeJsonString } from "./json/json.js";
import { readFields } from "./json/read.js";
import { writeMessage } from "./json/write.js";
import { messageEquals } from "./equals.js";
import { messageClone } from "./clone.js";
import { textFormat, textFormatIfLoaded } from "./text-format.js";
import { unknownFields } from "./unknown-fields.js";

export { unknownFields };

/** Node's util.inspect hook, by its registered name: no Node import, so browsers bundle the runtime unchanged. */
const inspectCustom: unique symbol = Symbol.for("nodejs.util.inspect.custom");

/**
 * Base class of every generated message. Generated subclasses hold the fields
 * as plain properties and implement `$encode` / `$decode`; everything else
 * (JSON, equality, cloning) is driven by the class's `$fields` table.
 * `$`-prefixed members cannot collide with proto names, which never contain `$`.
 */
export abstract class Message<T extends Message<T> = AnyMessage> {
  declare [unknownFields]?: Uint8Array[];

  /** Writes this message's fields (not its own tag or length). Generated. */
  abstract $encode(w: BinaryWriter): void;
  /**
   * Merges fields read from `r` until `end`, or, when `group` is a field
   * number, until that group's END_GROUP tag. Generated.
   */
  abstract $decode(r: BinaryReader, end: number, group?: number): void;
  /**
   * This message's JSON form under the default write options. Generated for
   * ordinary messages; this field-table version serves the well-known types
   * with their own JSON forms and classes generated without it.
   */
  $toJson(ctx: JsonWriteContext): JsonValue {
    return writeMessage(this, ctx);
  }
  /**
   * This message's JSON text under the default write options (`toJsonString`).
   * Generated where writing the text directly beats building the object for
   * JSON.stringify (docs/GENERATED-CODE.md); elsewhere this does just that.
   */
  $toJsonText(ctx: JsonWriteContext): string {
    return JSON.stringify(this.$toJson(ctx));
  }
  /** Reads the members of a JSON object into this new message. Generated like `$toJson`. */
  $fromJson(json: JsonObject, ctx: JsonReadContext): void {
    ctx.counting = false; // the field table does not count members for the duplicate-key check
    readFields(this, this.$type(), json, ctx, "");
  }

  // `prototype: T` lets TypeScript infer T from the class at once: inferring it through
  // MessageType's constructor (PartialMessage<T>) gives up on deeply nested types and yields Message<any>.
  static fromBinary<T extends Message<T>>(this: NoInfer<MessageType<T>> & { prototype: T }, bytes: Uint8Array, options?: BinaryReadOptions): T {
    return readBinary(this, bytes, options);
  }
  static fromJson<T extends Message<T>>(this: NoInfer<MessageType<T>> & { prototype: T }, json: JsonValue, options?: JsonReadOptions): T {
    return readJson(this, json, options);
  }
  static fromJsonString<T extends Message<T>>(this: NoInfer<MessageType<T>> & { prototype: T }, json: string, options?: JsonReadOptions): T {
    return readJsonString(this, json, options);
  }
  /** A new message from protobuf text format (`name: "x" child { id: 1 }`). */
  static fromText<T extends Message<T>>(this: NoInfer<MessageType<T>> & { prototype: T }, text: string, options?: TextReadOptions): T {
    return textFormat().readText(this, text, options);
  }

  toBinary(options?: BinaryWriteOptions): Uint8Array {
    return writeBinary(this, options);
  }
  toJson(options?: JsonWriteOptions): JsonValue {
    return writeJson(this, options);
  }
  toJsonString(options?: JsonWriteStringOptions): string {
    return writeJsonString(this, options);
  }
  /** This message in protobuf text format: one field per line, or `singleLine`. */
  toText(options?: TextWriteOptions): string {
    return textFormat().writeText(this, options);
  }
  /**
   * Reads text format into this message: singular fields given are replaced
   * (messages merged), repeated fields appended to, map entries added. Returns this.
   */
  mergeText(text: string, options?: TextReadOptions): this {
    textFormat().mergeText(this, text, options);
    return this;
  }
  /** Field-by-field equality; NaN equals NaN, unknown fields are compared too. */
  equals(other: T | undefined | null): boolean {
    return messageEquals(this, other);
  }
  /** A deep copy. */
  clone(): T {
    return messageClone(this as unknown as T);
  }
  /** The generated class of this message. */
  $type(): MessageType<T> {
    return this.constructor as MessageType<T>;
  }
  /** `console.log(msg)` in Node: the class name and the set fields as text format. */
  [inspectCustom](_depth: number, options?: { breakLength?: number }, inspect?: (value: unknown, options?: unknown) => string): string {
    const text = textFormatIfLoaded()?.inspectText(this, options?.breakLength);
    if (text !== undefined) return text;
    // A field holds a value its type cannot: show the raw properties, which is what needs debugging.
    return `${this.constructor.name} ${inspect ? inspect({ ...this }, options) : "{ (invalid field values) }"}`;
  }
}

/** A message of any type. */
export interface AnyMessage extends Message<AnyMessage> {
  // `any`, not `unknown`: only an `any` index signature lets every generated class (which has none) be an AnyMessage.
  [key: string]: any;
}

/** The static side of a generated message class. */
export interface MessageType<T extends Message<T> = AnyMessage> {
  new (init?: PartialMessage<T>): T;
  readonly typeName: string;
  readonly $fields: FieldList;
  fromBinary(bytes: Uint8Array, options?: BinaryReadOptions): T;
  fromJson(json: JsonValue, options?: JsonReadOptions): T;
  fromJsonString(json: string, options?: JsonReadOptions): T;
  fromText(text: string, options?: TextReadOptions): T;
}

/** Member names of Message itself; never fields. */
type MessageMember = keyof Message<AnyMessage>;

/**
 * A deep partial of a message's fields: what constructors, clients and
 * handlers accept. Nested messages may be given as plain objects too.
 */
export type PartialMessage<T extends Message<T>> = {
  [P in keyof T as P extends MessageMember | symbol ? never : P]?: PartialField<T[P]>;
};

type PartialField<F> = F extends Uint8Array | bigint | string | number | boolean | undefined | null
  ? F
  : F extends Message<infer U>
    ? U | PartialMessage<U>
    : F extends readonly (infer E)[]
      ? PartialField<E>[]
      : F extends { case: infer C; value?: infer V }
        ? C extends undefined
          ? { case: undefined; value?: undefined }
          : { case: C; value: PartialField<V> }
        : F extends { [key: string]: infer V }
          ? { [key: string]: PartialField<V> }
          : F;
