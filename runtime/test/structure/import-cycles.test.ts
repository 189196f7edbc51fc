import { importCycles, readModules, sourceDir, valueImports } from "./import-graph";

// A value-level import cycle makes the load order matter: whichever module of the cycle Node enters
// first sees the others' exports still undefined ("Class extends value undefined").
describe.each(["runtime", "plugin", "bench"])("%s/src", (pkg) => {
  it("has no value-level import cycle", () => {
    const modules = readModules(sourceDir(pkg));
    expect(modules.size).toBeGreaterThan(10);
    expect(importCycles(valueImports(modules))).toEqual([]);
  });
});

describe("the cycle check", () => {
  const check = (files: Record<string, string>) => importCycles(valueImports(new Map(Object.entries(files))));

  it("finds a cycle through a barrel's re-export", () => {
    expect(
      check({
        "index.ts": 'export { Server } from "./server/server.js";\nexport { Client } from "./client.js";',
        "client.ts": "export class Client {}",
        "server/server.ts": 'import { Health } from "../gen/health.js";\nexport class Server { health = Health; }',
        "gen/health.ts": 'import { Client } from "../index.js";\nexport class Health extends Client {}',
      }),
    ).toEqual([["gen/health.ts", "index.ts", "server/server.ts"]]);
  });

  it("ignores imports that compile away: import type, and names used only as types", () => {
    expect(
      check({
        "a.ts": 'import type { B } from "./b.js";\nexport interface A { b?: B }',
        "b.ts": 'import { A } from "./a.js";\nexport interface B { a?: A }\nexport const b = 1;',
      }),
    ).toEqual([]);
  });

  it("ignores dynamic import(), which runs after the importer has loaded", () => {
    expect(
      check({
        "a.ts": 'import { b } from "./b.js";\nexport const a = () => b;',
        "b.ts": 'export const b = () => import("./a.js");',
      }),
    ).toEqual([]);
  });
});
