import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./compilers";

export interface ReadmeBlock {
  /** The line the fence opens on. */
  line: number;
  /** What follows the language on the fence line: `check`, `quickstart`, `file=src/server.ts`. */
  tag: string;
  lang: string;
  code: string;
}

/** The fenced blocks of a markdown file (README.md unless named) whose fence line carries a tag after the language, in order. */
export function readmeBlocks(file = "README.md"): ReadmeBlock[] {
  const readme = readFileSync(join(root, file), "utf8");
  return [...readme.matchAll(/^```(\w+) (\S+)\n([\s\S]*?)^```$/gm)].map((m) => ({
    line: readme.slice(0, m.index).split("\n").length,
    lang: m[1],
    tag: m[2],
    code: m[3],
  }));
}
