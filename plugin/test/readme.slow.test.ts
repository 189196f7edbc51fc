import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root, strictProject, tempDir, tsc } from "./compilers";
import { readmeBlocks } from "./readme-blocks";

/**
 * Examples fenced as ```ts check in README.md and in the guides of docs/ are
 * real code: each becomes an ES module beside a `gen` folder holding
 * testdata/gen (so `./gen/users/v1/...` imports resolve as in a user's
 * project) and a `validate` folder holding testdata/validate/gen, and must
 * compile under strict.
 */
const documents = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const checkedBlocks = () =>
  documents.flatMap((file) =>
    readmeBlocks(file)
      .filter((b) => b.lang === "ts" && b.tag === "check")
      .map((b) => ({ ...b, file })),
  );

describe("README and docs examples", () => {
  it("compile against the generated testdata with tsc --strict", () => {
    const blocks = checkedBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const dir = tempDir();
    mkdirSync(join(dir, "examples"));
    symlinkSync(join(root, "testdata", "gen"), join(dir, "examples", "gen"));
    symlinkSync(join(root, "testdata", "validate", "gen"), join(dir, "examples", "validate"));
    // Other packages the examples use (the OpenTelemetry SDK) resolve as in a project that installed them.
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
    // Named for the file and line the block starts on, so an error points at it.
    for (const { file, line, code } of blocks) writeFileSync(join(dir, "examples", `${file.replace(/\W/g, "_")}-line-${line}.mts`), code);
    // Examples show values without using them.
    const check = tsc(strictProject(dir, [join(dir, "examples")], { noUnusedLocals: false }));
    expect(check.stdout).toBe("");
    expect(check.status).toBe(0);
  }, 300_000);
});
