import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * TypeScript's node10 resolution (`"module": "commonjs"` in TypeScript 5) ignores `exports`, so each
 * subpath's declarations must also be reachable through `typesVersions`; the packaging test resolves
 * `@tsgrpc/runtime/grpc` that way in a real project.
 */
const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
  exports: Record<string, { types: string }>;
  typesVersions: Record<string, Record<string, string[]>>;
};

test("typesVersions maps every subpath of exports to the same declarations", () => {
  const fromExports = Object.fromEntries(
    Object.entries(pkg.exports)
      .filter(([subpath]) => subpath !== ".")
      .map(([subpath, target]) => [subpath.slice("./".length), [target.types]]),
  );
  expect(Object.keys(fromExports).length).toBeGreaterThan(0);
  expect(pkg.typesVersions).toEqual({ "*": fromExports });
});
