import fc from "fast-check";
import type { AnyMessage, MessageType } from "@tsgrpc/runtime";
import { Maps, Ping, Tree, L1 } from "../../../testdata/gen/hostile/v1/tree_pb.js";
import { Wide } from "../../../testdata/gen/hostile/v1/wide_pb.js";
import { Error$, Statics } from "../../../testdata/gen/collide/v1/globals_pb.js";
import { Object$, UsesHostile } from "../../../testdata/gen/collide/v1/names_pb.js";
import { Wrapped } from "../../../testdata/gen/scalars/v1/wrapped_pb.js";
import { arbitraryMessage } from "./arbitrary";
import { runs, seed } from "./budget";

/** Wide has 500 fields: a few of its messages cover as much as many of the others. */
const params = (type: MessageType<AnyMessage>) => ({ seed, numRuns: runs(type.typeName === Wide.typeName ? 8 : 100) });

const types: MessageType<AnyMessage>[] = [Tree, Maps, Ping, L1, Wide, Error$, Statics, Object$, UsesHostile, Wrapped];

describe.each(types.map((type) => [type.typeName, type] as const))("%s: arbitrary messages round-trip exactly", (_, type) => {
  test("encode → decode gives an equal message, and re-encoding gives the same bytes", () => {
    fc.assert(
      fc.property(arbitraryMessage(type), (msg) => {
        const bytes = msg.toBinary();
        const back = type.fromBinary(bytes);
        expect(back.equals(msg)).toBe(true);
        expect(Buffer.from(back.toBinary()).equals(Buffer.from(bytes))).toBe(true);
      }),
      params(type),
    );
  });

  test("toJson → fromJson gives an equal message, through a string too", () => {
    fc.assert(
      fc.property(arbitraryMessage(type), (msg) => {
        expect(type.fromJson(msg.toJson()).equals(msg)).toBe(true);
        expect(type.fromJsonString(msg.toJsonString()).equals(msg)).toBe(true);
        expect(type.fromJson(msg.toJson({ useProtoFieldName: true, enumAsInteger: true, emitDefaultValues: true })).equals(msg)).toBe(true);
      }),
      params(type),
    );
  });
});
