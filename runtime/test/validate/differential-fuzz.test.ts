/**
 * The differential suite's random half: seeded fast-check messages of every test schema, with
 * scalar values drawn half from the rules' boundaries and the format samples, half at random;
 * each validated by the generated validators and by protovalidate-es, which must agree exactly.
 * 10 000 messages in the full tier (CI=true), a fifth in the fast tier.
 */
import fc from "fast-check";
import { LongType, ScalarType, type AnyMessage, type MessageType } from "@tsgrpc/runtime";
import { arbitraryMessageWith, type ScalarArbitrary } from "../fuzz/arbitrary";
import { runs, seed } from "../fuzz/budget";
import * as scalars from "../../../testdata/validate/gen/cases/v1/scalars_pb";
import * as structure from "../../../testdata/validate/gen/cases/v1/structure_pb";
import * as wkt from "../../../testdata/validate/gen/cases/v1/wkt_pb";
import { Booking, file_cases_v1_cel, Room } from "../../../testdata/validate/gen/cases/v1/cel_pb";
import * as celCompiled from "../../../testdata/validate/gen/cases/v1/cel_compiled_pb";
import * as predefined from "../../../testdata/validate/gen/cases/v1/predefined_pb";
import { formatSamples } from "./boundaries";
import { embeddedRegistry, ourOutcome, referenceOutcome } from "./reference";

const registry = embeddedRegistry([
  scalars.file_cases_v1_scalars,
  structure.file_cases_v1_structure,
  wkt.file_cases_v1_wkt,
  file_cases_v1_cel,
  celCompiled.file_cases_v1_cel_compiled,
  predefined.file_cases_v1_predefined,
]);

const ints = [-101, -100, -11, -10, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 13, 99, 100, 101, 299, 300, 301];
const longs = [
  ...ints.map(BigInt),
  9000000000n,
  9000000001n,
  86400n,
  1234567890n,
  4102444800n,
  18446744073709551615n,
  10000000000000000000n,
  -9223372036854775808n,
];
const floats = [NaN, Infinity, -Infinity, -0, 0, 0.1, 0.25, 0.2500001, 0.5, 1, 1.5, 2.5, -3, -0.5, -0.50001, 5, 10, -1e300, -1e301, 3.4028234663852886e38];
const bytes = [
  new Uint8Array(),
  new Uint8Array([1, 2]),
  new Uint8Array([1]),
  new TextEncoder().encode("ab"),
  new TextEncoder().encode("zz"),
  new Uint8Array([1, 0, 0xff]),
  new Uint8Array([0xff, 0xfe]),
  new Uint8Array(16),
  new Uint8Array(4),
];

const interesting: ScalarArbitrary = (type: ScalarType, long: LongType | undefined, random: fc.Arbitrary<unknown>) => {
  const pick = (() => {
    switch (type) {
      case ScalarType.STRING:
        return fc.constantFrom(...formatSamples);
      case ScalarType.BYTES:
        return fc.constantFrom(...bytes);
      case ScalarType.BOOL:
        return undefined;
      case ScalarType.FLOAT:
        return fc.constantFrom(...floats.map(Math.fround));
      case ScalarType.DOUBLE:
        return fc.constantFrom(...floats);
      case ScalarType.INT64:
      case ScalarType.SINT64:
      case ScalarType.SFIXED64:
        return fc.constantFrom(...longs.filter((n) => n < 2n ** 63n)).map((n) => (long === LongType.STRING ? String(n) : n));
      case ScalarType.UINT64:
      case ScalarType.FIXED64:
        return fc.constantFrom(...longs.filter((n) => n >= 0n)).map((n) => (long === LongType.STRING ? String(n) : n));
      case ScalarType.UINT32:
      case ScalarType.FIXED32:
        return fc.constantFrom(...ints.filter((n) => n >= 0));
      default:
        return fc.constantFrom(...ints);
    }
  })();
  return pick ? fc.oneof(pick, random) : random;
};

const types = (
  [
    ...Object.values(scalars),
    ...Object.values(structure),
    ...Object.values(wkt),
    Booking,
    Room,
    ...Object.values(celCompiled),
    ...Object.values(predefined),
  ] as unknown[]
).filter((t): t is MessageType<AnyMessage> => typeof t === "function" && "typeName" in t && "$fields" in t);

const seen = { valid: 0, invalid: 0, error: 0 };

describe("generated validators agree with protovalidate-es on random messages", () => {
  const perType = Math.ceil(runs(10_000) / types.length);
  afterAll(() => {
    // The comparison means something only if both outcomes occur often.
    expect(seen.valid).toBeGreaterThan(perType);
    expect(seen.invalid).toBeGreaterThan(perType * 5);
    if (process.env.VALIDATE_FUZZ_REPORT) console.log(`differential fuzz: ${JSON.stringify(seen)}`);
  });
  it.each(types.map((t) => [t.typeName, t] as const))("%s", (_, type) => {
    fc.assert(
      fc.property(arbitraryMessageWith(interesting, type, 2), (msg) => {
        const ours = ourOutcome(msg);
        expect(ours).toEqual(referenceOutcome(registry, msg));
        seen[ours.kind]++;
      }),
      { seed, numRuns: perType },
    );
  });
});
