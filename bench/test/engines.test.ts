import { readFileSync } from "node:fs";
import { join } from "node:path";
import { minVersion, satisfies } from "semver";

/**
 * `npm install` in a checkout warns EBADENGINE for every installed package whose `engines.node` excludes
 * the running Node. tsgrpc supports Node 20 (the engines of runtime/ and plugin/), and the checkout is
 * built against Node 20.19's types (the root's @types/node), so no package the lockfile installs (the
 * bench's peers included: @bufbuild/protoc-gen-es is held at 2.13.0, the last that runs on Node 20) may
 * exclude Node 20.19.
 */
const root = join(__dirname, "..", "..");
interface Manifest {
  engines: { node: string };
  devDependencies: Record<string, string>;
  packages: Record<string, { version?: string; engines?: { node?: string } }>;
}
const read = (path: string) => JSON.parse(readFileSync(join(root, path), "utf8")) as Manifest;

describe("engines", () => {
  const supported = read("runtime/package.json").engines.node;
  const oldest = minVersion(read("package.json").devDependencies["@types/node"])!.version;

  it("runtime and plugin support the same Node, and the checkout's oldest is a Node 20", () => {
    expect(read("plugin/package.json").engines.node).toBe(supported);
    expect(oldest).toBe("20.19.0");
    expect(satisfies(oldest, supported)).toBe(true);
  });

  it("no package in package-lock.json excludes the checkout's oldest Node", () => {
    const packages = read("package-lock.json").packages;
    const excluding = Object.entries(packages)
      .filter(([, p]) => p.engines?.node !== undefined && !satisfies(oldest, p.engines.node))
      .map(([path, p]) => `${path}@${p.version} (node ${p.engines!.node})`);
    expect(excluding).toEqual([]);
  });
});
