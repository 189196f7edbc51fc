import { fromJson, toBinary } from "@bufbuild/protobuf";
import { benchCases } from "../cases.js";
import { esSchema } from "../peers/protobuf-es.js";

/** The ~200-byte user record every RPC carries, as wire bytes each stack decodes into its own type. */
export function sampleUserBytes(): Uint8Array {
  const c = benchCases().find((x) => x.typeName === "bench.v1.User")!;
  const schema = esSchema(c.typeName);
  return toBinary(schema, fromJson(schema, c.json as never));
}
