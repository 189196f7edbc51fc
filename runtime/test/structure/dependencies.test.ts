import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readModules } from "./import-graph";

/**
 * What the runtime's modules import from other packages is what its package.json declares, and the other way
 * round: a package missing from it would fail to resolve in a user's install (or resolve to whatever version
 * was hoisted), and one declared but unused would be installed or asked for for nothing. Type-only imports
 * count: they stay in the published `.d.ts`.
 */
const runtime = join(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(runtime, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageOf = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

function importedPackages(): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const [path, source] of readModules(join(runtime, "src"))) {
    for (const [, specifier] of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/g)) {
      if (specifier === undefined || specifier.startsWith(".") || specifier.startsWith("node:")) continue;
      const name = packageOf(specifier);
      users.set(name, [...new Set([...(users.get(name) ?? []), path])]);
    }
  }
  return users;
}

test("every package the runtime imports is a dependency or a peer dependency, and every one declared is imported", () => {
  const imported = importedPackages();
  expect(imported.has("@grpc/grpc-js")).toBe(true);
  const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  const undeclared = [...imported].filter(([name]) => !declared.has(name)).map(([name, files]) => `${name} (imported by ${files.join(", ")})`);
  expect(undeclared).toEqual([]);
  expect([...declared].filter((name) => !imported.has(name))).toEqual([]);
});

test("peer dependencies are optional: users of the entry points that need none install none", () => {
  const peers = Object.keys(pkg.peerDependencies ?? {});
  expect(peers.length).toBeGreaterThan(0);
  expect(peers.filter((name) => pkg.peerDependenciesMeta?.[name]?.optional !== true)).toEqual([]);
});
