import { boundaryCases } from "./boundaries";
import { predefinedCases } from "./boundaries-predefined";
import { loadRegistry, ourOutcome, referenceOutcome } from "./reference";

/**
 * The differential suite: each message validated by the generated validators and by
 * protovalidate-es; the outcome and the violation list (as `buf.validate.Violations`) must be
 * identical.
 */
const registry = loadRegistry([
  "cases/v1/scalars.proto",
  "cases/v1/structure.proto",
  "cases/v1/wkt.proto",
  "cases/v1/bad.proto",
  "cases/v1/cel.proto",
  "cases/v1/cel_compiled.proto",
  "cases/v1/predefined.proto",
]);

describe("generated validators agree with protovalidate-es", () => {
  it.each(boundaryCases.map((m, i) => [`${i} ${(m.constructor as unknown as { typeName: string }).typeName}`, m] as const))("boundary case %s", (_, msg) => {
    expect(ourOutcome(msg)).toEqual(referenceOutcome(registry, msg));
  });
  it.each(predefinedCases.map((m, i) => [`${i} ${(m.constructor as unknown as { typeName: string }).typeName}`, m] as const))(
    "predefined rules %s",
    (_, msg) => {
      expect(ourOutcome(msg)).toEqual(referenceOutcome(registry, msg));
    },
  );
});
