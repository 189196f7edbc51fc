import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root, strictProject, tempDir, tsc } from "./compilers";
import { readmeBlocks } from "./readme-blocks";

/**
 * README examples fenced as ```ts check are real code: each becomes an ES
 * module beside a `gen` folder holding testdata/gen (so `./gen/users/v1/...`
 * imports resolve as in a user's project) and a `validate` folder holding
 * testdata/validate/gen, and must compile under strict.
 */
const checkedBlocks = () => readmeBlocks().filter((b) => b.lang === "ts" && b.tag === "check");

describe("README examples", () => {
  it("compile against the generated testdata with tsc --strict", () => {
    const blocks = checkedBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const dir = tempDir();
    mkdirSync(join(dir, "examples"));
    symlinkSync(join(root, "testdata", "gen"), join(dir, "examples", "gen"));
    symlinkSync(join(root, "testdata", "validate", "gen"), join(dir, "examples", "validate"));
    // Other packages the examples use (the OpenTelemetry SDK) resolve as in a project that installed them.
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
    // Named for the README line the block starts on, so an error points at it.
    for (const { line, code } of blocks) writeFileSync(join(dir, "examples", `README-line-${line}.mts`), code);
    // Examples show values without using them.
    const check = tsc(strictProject(dir, [join(dir, "examples")], { noUnusedLocals: false }));
    expect(check.stdout).toBe("");
    expect(check.status).toBe(0);
  }, 300_000);
});
