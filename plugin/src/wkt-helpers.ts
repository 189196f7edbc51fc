import type { DescMessage } from "@bufbuild/protobuf";
import type { Line } from "./code.js";
import type { FileContext } from "./context.js";
import { typeName } from "./names.js";

/**
 * Extra members of the well-known types (see "WKT helpers" in
 * docs/ARCHITECTURE.md): small methods delegating to runtime functions that
 * work through the field table, so the runtime never imports its generated
 * classes. Empty for every other message.
 */
export function wktHelpers(ctx: FileContext, message: DescMessage): Line[] {
  const name = typeName(message);
  switch (message.typeName) {
    case "google.protobuf.Timestamp":
      return [
        [],
        ["/** The instant of `date` (millisecond precision). */"],
        ["static fromDate(date: Date): ", name, " {"],
        ["  return ", ctx.rt("timestampFromDate"), `(${name}, date);`],
        ["}"],
        ["/** The current time (millisecond precision). */"],
        ["static now(): ", name, " {"],
        ["  return ", ctx.rt("timestampFromDate"), `(${name}, new Date());`],
        ["}"],
        ["/** This instant as a Date; digits below the millisecond are dropped. */"],
        ["toDate(): Date {"],
        ["  return ", ctx.rt("timestampToDate"), "(this);"],
        ["}"],
      ];
    case "google.protobuf.Duration":
      return [
        [],
        ["/** A duration of `ms` milliseconds (fractions kept to the nanosecond). */"],
        ["static fromMs(ms: number): ", name, " {"],
        ["  return ", ctx.rt("durationFromMs"), `(${name}, ms);`],
        ["}"],
        ["/** This duration in milliseconds (fractional below one). */"],
        ["toMs(): number {"],
        ["  return ", ctx.rt("durationToMs"), "(this);"],
        ["}"],
      ];
    case "google.protobuf.Struct":
      return plainJson(ctx, name, "Object", [ctx.rt("JsonObject", true)], "object");
    case "google.protobuf.Value":
      return plainJson(ctx, name, "Value", [ctx.rt("JsonValue", true)], "value");
    case "google.protobuf.ListValue":
      return plainJson(ctx, name, "Array", [ctx.rt("JsonValue", true), "[]"], "array");
    case "google.protobuf.Any":
      return [
        [],
        ['/** `message` in binary form under the type URL "<typeUrlPrefix>/<typeName>" (default prefix "type.googleapis.com"). */'],
        ["static pack(message: ", ctx.rt("Message"), "<any>, typeUrlPrefix?: string): ", name, " {"],
        ["  return ", ctx.rt("anyPack"), `(${name}, message, typeUrlPrefix);`],
        ["}"],
        ["/** Whether this holds a message of `type` (a class or a fully-qualified name). */"],
        ["is(type: ", ctx.rt("MessageType", true), "<any> | string): boolean {"],
        ["  return ", ctx.rt("anyIs"), "(this, type);"],
        ["}"],
        ["/** The packed message if it is of `type`, else undefined. */"],
        ["unpack<T extends ", ctx.rt("Message"), "<T>>(type: ", ctx.rt("MessageType", true), "<T>): T | undefined;"],
        ["/** The packed message if `registry` knows its type, else undefined. */"],
        ["unpack(registry: ", ctx.rt("Registry", true), "): ", ctx.rt("AnyMessage", true), " | undefined;"],
        ["unpack(from: ", ctx.rt("MessageType", true), "<any> | ", ctx.rt("Registry", true), "): ", ctx.rt("AnyMessage", true), " | undefined {"],
        ["  return ", ctx.rt("anyUnpack"), "(this, from);"],
        ["}"],
      ];
    default:
      return [];
  }
}

/** Struct, Value and ListValue are plain JSON in disguise: typed aliases of fromJson / toJson. */
function plainJson(ctx: FileContext, name: string, suffix: string, type: Line, noun: string): Line[] {
  return [
    [],
    [`/** The message for a plain JSON ${noun} (its JSON form). */`],
    [`static fromJson${suffix}(json: `, ...type, "): ", name, " {"],
    [`  return ${name}.fromJson(json);`],
    ["}"],
    [`/** This message as a plain JSON ${noun}. */`],
    [`toJson${suffix}(): `, ...type, " {"],
    ["  return this.toJson() as ", ...type, ";"],
    ["}"],
  ];
}
