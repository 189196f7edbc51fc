import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Proto comments become TSDoc (checked on the committed testdata/gen, which golden.slow.test.ts keeps
 * equal to what the plugin writes for testdata/proto/users/v1/user_service.proto).
 */
const pb = readFileSync(join(__dirname, "../../testdata/gen/users/v1/user_service_pb.ts"), "utf8");

describe("TSDoc from proto comments", () => {
  it("keeps a trailing comment after the leading one, on enum values and fields", () => {
    expect(pb).toContain('  /**\n   * Can sign in.\n   *\n   * Shown as "active".\n   */\n  STATUS_ACTIVE = 1,');
    expect(pb).toContain("  /**\n   * Free-form, at most 64 entries.\n   */\n  labels: { [key: string]: string }");
  });

  it("lists the comments of a oneof's members under the oneof's own", () => {
    expect(pb).toContain(
      '  /**\n   * How to reach the user.\n   *\n   * - `email`: Verified when `verified` is set.\n   * - `phone`: E.164, such as "+441234567890".\n   */\n  contact: { case: "email"; value: string }',
    );
  });

  it("types the file's descriptor and the field tables, so declarations say what they are", () => {
    expect(pb).toContain("export const file_users_v1_user_service: FileInfo = /*@__PURE__*/ fileInfo(");
    expect(pb).toContain("static readonly $fields: FieldList = /*@__PURE__*/ fieldList(() => [");
  });
});
