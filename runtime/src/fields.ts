import type { ScalarType, LongType } from "./scalar.js";
import type { MessageType } from "./message.js";

/**
 * The reflection table a generated class carries in `static readonly $fields`.
 * Binary encode/decode never read it (they are generated code); JSON, equals,
 * clone, partial init and registries do.
 */
export interface EnumType {
  readonly typeName: string;
  /** Values in declaration order; aliases follow the value they alias. */
  readonly values: readonly { readonly no: number; readonly name: string }[];
  /** Closed (proto2) enums route unknown numbers to unknown fields. */
  readonly open: boolean;
}

interface FieldCommon {
  /** Field number. */
  readonly no: number;
  /** Name in the .proto file. */
  readonly name: string;
  /** Property name on the generated class (escaped when it would collide). */
  readonly localName: string;
  /** JSON name (json_name option or lowerCamelCase of `name`). */
  readonly jsonName: string;
  /** Local name of the oneof property this field belongs to, if any. */
  readonly oneof?: string;
}

/** A value slot: what a singular/repeated field or a map value holds. */
export type ValueInfo =
  | { readonly kind: "scalar"; readonly T: ScalarType; readonly L?: LongType }
  | { readonly kind: "enum"; readonly T: EnumType }
  | { readonly kind: "message"; readonly T: MessageType; readonly delimited?: boolean };

export type FieldInfo = FieldCommon &
  (
    | (ValueInfo & {
        /** `repeated` field: property is an array. */
        readonly repeated?: boolean;
        /** Repeated scalar/enum written packed. */
        readonly packed?: boolean;
        /** Explicit presence: property is `T | undefined` (undefined = unset). */
        readonly presence?: "explicit" | "required";
        /** proto2 `[default = ...]`, already in its TypeScript representation. */
        readonly default?: unknown;
        /**
         * A singular field of a `google.protobuf` wrapper type (`StringValue`, ...),
         * unboxed: the property holds the wrapper's value as this scalar kind,
         * `T | undefined`; on the wire it is this wrapper message.
         */
        readonly wrapper?: MessageType;
      })
    | {
        readonly kind: "map";
        /** Key scalar type; map properties are null-prototype records keyed by the key's string form. */
        readonly K: ScalarType;
        readonly V: ValueInfo;
      }
  );

/** Lazily resolved field list (thunked so classes may reference each other in any order). */
export class FieldList {
  private _list?: readonly FieldInfo[];
  private _byNo?: Map<number, FieldInfo>;
  private _byJsonKey?: Map<string, FieldInfo>;
  constructor(
    private readonly thunk: () => readonly FieldInfo[],
    /** Field names the message reserves: text format skips them (they may still be written by older versions). */
    readonly reservedNames: readonly string[] = [],
  ) {}
  get list(): readonly FieldInfo[] {
    return (this._list ??= this.thunk());
  }
  find(no: number): FieldInfo | undefined {
    return (this._byNo ??= new Map(this.list.map((f) => [f.no, f]))).get(no);
  }
  /** Finds by JSON name or proto name, as the JSON parser accepts both. */
  findJsonKey(key: string): FieldInfo | undefined {
    if (!this._byJsonKey) {
      const m = new Map<string, FieldInfo>();
      for (const f of this.list) {
        m.set(f.name, f);
        m.set(f.jsonName, f);
      }
      this._byJsonKey = m;
    }
    return this._byJsonKey.get(key);
  }
}

export function fieldList(thunk: () => readonly FieldInfo[], reservedNames?: readonly string[]): FieldList {
  return new FieldList(thunk, reservedNames);
}
