import { execFileSync } from "node:child_process";

/** The path of h2load (Debian package nghttp2-client), or undefined when it is not installed. */
export function findH2load(): string | undefined {
  try {
    return execFileSync("sh", ["-c", "command -v h2load"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}
