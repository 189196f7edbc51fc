import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import ts from "typescript";

/** Every `.ts` module under `dir` (declaration files left out), keyed by its path relative to `dir`, `/`-separated. */
export function readModules(dir: string): Map<string, string> {
  const modules = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".d.ts")) continue;
    const path = join(entry.parentPath, entry.name);
    modules.set(relative(dir, path).split("\\").join("/"), readFileSync(path, "utf8"));
  }
  return modules;
}

/**
 * The modules each module loads when it runs: the relative imports and
 * re-exports left after compiling it alone (`import type`, `export type` and
 * imports used only as types are erased, so a type-only cycle is no edge).
 * Dynamic `import()` is left out: it loads after the importer has run.
 */
export function valueImports(modules: ReadonlyMap<string, string>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [path, source] of modules) {
    const js = ts.transpileModule(source, {
      fileName: path,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, isolatedModules: true },
    }).outputText;
    const edges: string[] = [];
    for (const statement of ts.createSourceFile(path, js, ts.ScriptTarget.ES2022).statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith(".")) continue;
      const target = posix.join(posix.dirname(path), specifier.text.replace(/\.js$/, ".ts"));
      if (modules.has(target)) edges.push(target);
    }
    graph.set(path, edges);
  }
  return graph;
}

/** The import cycles of a graph: its strongly connected components with more than one module, or a module importing itself (Tarjan). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

export const sourceDir = (pkg: string): string => join(dirname(dirname(dirname(__dirname))), pkg, "src");
