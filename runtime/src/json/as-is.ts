import { ScalarType } from "../scalar.js";

/** True when every value is of a kind JSON holds unchanged and the field's type allows it. */
export function holdsAsIs(T: ScalarType, values: readonly unknown[]): boolean {
  switch (T) {
    case ScalarType.STRING:
      for (const v of values) if (typeof v !== "string") return false;
      return true;
    case ScalarType.BOOL:
      for (const v of values) if (typeof v !== "boolean") return false;
      return true;
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      for (const v of values) if (typeof v !== "number" || (v | 0) !== v) return false;
      return true;
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      for (const v of values) if (typeof v !== "number" || v >>> 0 !== v) return false;
      return true;
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      for (const v of values) if (typeof v !== "number" || !Number.isFinite(v)) return false;
      return true;
    default:
      return false;
  }
}
