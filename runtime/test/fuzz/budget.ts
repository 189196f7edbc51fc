/**
 * How much the fuzz tests run. The full tier (`CI=true`) uses the fixed seed
 * and counts written in the tests; the fast tier (`npm test`) a fifth of
 * them, same seed; `npm run fuzz` (scripts/fuzz.js) multiplies the counts by
 * FUZZ_SCALE, picks a fresh FUZZ_SEED, and collects what each test reports.
 */
import { appendFileSync } from "node:fs";

const scale = Number(process.env.FUZZ_SCALE ?? (process.env.CI === "true" ? 1 : 0.2));

/** The seed every fuzz test derives its inputs from. */
export const seed = Number(process.env.FUZZ_SEED ?? 20261122);

/** No single input may take this long: far above any real decode, low enough to catch a hang or a blow-up on a shared CI machine. */
export const HANG_MS = 2000;

/** `ciCount` inputs, scaled for long runs. */
export function runs(ciCount: number): number {
  return Math.max(1, Math.round(ciCount * scale));
}

/** Feeds each input to `check`; records how many ran and how fast when a long run asks for it. */
export function timed<T>(name: string, inputs: readonly T[], check: (input: T) => void): { perInputMaxMs: number } {
  let perInputMaxMs = 0;
  const start = performance.now();
  for (const input of inputs) {
    const t = performance.now();
    check(input);
    perInputMaxMs = Math.max(perInputMaxMs, performance.now() - t);
  }
  const ms = performance.now() - start;
  if (process.env.FUZZ_REPORT) appendFileSync(process.env.FUZZ_REPORT, JSON.stringify({ name, inputs: inputs.length, ms, perInputMaxMs, seed }) + "\n");
  return { perInputMaxMs };
}
