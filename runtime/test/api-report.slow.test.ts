import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * The committed API reports (docs/api) match the sources: a change of the public API of
 * `@tsgrpc/runtime`, `@tsgrpc/runtime/grpc` or of generated code shows up as a reviewed diff there.
 */
it("docs/api is up to date (run `npm run api:report` when this fails)", () => {
  const r = spawnSync(process.execPath, [join(__dirname, "..", "..", "scripts", "api-report.js"), "--check"], { encoding: "utf8", timeout: 300_000 });
  expect(r.stderr).toBe("");
  expect(r.stdout).toContain("API reports are up to date");
  expect(r.status).toBe(0);
}, 300_000);
