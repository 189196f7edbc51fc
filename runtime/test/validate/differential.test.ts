import { file_cases_v1_scalars } from "../../../testdata/validate/gen/cases/v1/scalars_pb";
import { file_cases_v1_structure } from "../../../testdata/validate/gen/cases/v1/structure_pb";
import { file_cases_v1_wkt } from "../../../testdata/validate/gen/cases/v1/wkt_pb";
import { file_cases_v1_bad } from "../../../testdata/validate/gen/cases/v1/bad_pb";
import { file_cases_v1_cel } from "../../../testdata/validate/gen/cases/v1/cel_pb";
import { file_cases_v1_cel_compiled } from "../../../testdata/validate/gen/cases/v1/cel_compiled_pb";
import { file_cases_v1_predefined } from "../../../testdata/validate/gen/cases/v1/predefined_pb";
import { boundaryCases } from "./boundaries";
import { predefinedCases } from "./boundaries-predefined";
import { embeddedRegistry, ourOutcome, referenceOutcome } from "./reference";

/**
 * The differential suite: each message validated by the generated validators and by
 * protovalidate-es; the outcome and the violation list (as `buf.validate.Violations`) must be
 * identical.
 */
const registry = embeddedRegistry([
  file_cases_v1_scalars,
  file_cases_v1_structure,
  file_cases_v1_wkt,
  file_cases_v1_bad,
  file_cases_v1_cel,
  file_cases_v1_cel_compiled,
  file_cases_v1_predefined,
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
