import type { DescField, ScalarType } from "@bufbuild/protobuf";
import { block, type Line } from "./code.js";
import type { FileContext } from "./context.js";
import { fieldWrite, forkField, scalarInfo, scalarIsSet, scalarRead, scalarTsType, scalarZero, tag, WireType } from "./scalar.js";

/**
 * Binary codec of an unboxed wrapper field (see wrappers.ts): on the wire it
 * is still the wrapper message, a sub-message (or group) holding `value = 1`,
 * written whenever the property is set, even to the zero value.
 */

type MessageField = DescField & { fieldKind: "message" };

/** Writes value `v` of a set wrapper field as its wrapper message (field 1 left out when zero, as the message itself would). */
export function encodeWrapper(ctx: FileContext, field: MessageField, t: ScalarType, v: string): Line[] {
  const value: Line = ["if (", scalarIsSet(t, ctx.long(field), v), ") ", fieldWrite(t, 1, v)];
  if (field.delimitedEncoding) {
    return [[`w.uint32(${tag(field.number, WireType.StartGroup)});`], value, [`w.uint32(${tag(field.number, WireType.EndGroup)});`]];
  }
  return [[`const mark = ${forkField(field.number)};`], value, ["w.join(mark);"]];
}

/**
 * Reads a wrapper message into `let v`, which starts as `held(zero)` (the value
 * the field holds, else the zero value), then `store`s it: a wrapper seen twice merges,
 * so one without field 1 keeps the value already held. Unknown fields inside
 * the wrapper are dropped: there is no message to keep them on.
 */
export function decodeWrapper(ctx: FileContext, field: MessageField, t: ScalarType, held: (zero: string) => string, store: Line): Line[] {
  const long = ctx.long(field);
  const read: Line[] = [[`if (t === ${tag(1, scalarInfo(t).wireType)}) v = ${scalarRead(t, long, true)};`], ["else r.skip(t);"]];
  const start: Line[] = [[`let v: ${scalarTsType(t, long)} = ${held(scalarZero(t, long))};`]];
  if (field.delimitedEncoding) {
    const loop = block(
      ["for (;;)"],
      [[`if (r.pos >= r.len) r.endGroup(${field.number});`], ["const t = r.tag();"], [`if (t === ${tag(field.number, WireType.EndGroup)}) break;`], ...read],
    );
    return [...start, ...loop, store];
  }
  return [...start, ["const e = r.delimitedEnd();"], ...block(["while (r.pos < e)"], [["const t = r.tag();"], ...read]), ["r.assertEnd(e);"], store];
}
