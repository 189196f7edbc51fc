/** A timed loop: runs its body `n` times and returns the last result. */
export type Loop = (n: number) => unknown;

/**
 * Compiles `expr` into its own loop function. A fresh `new Function` per peer
 * and message keeps each loop's call sites monomorphic, so one peer's code
 * shape cannot slow another's measurement.
 */
export function compileLoop(expr: string, bindings: Record<string, unknown>): Loop {
  const names = Object.keys(bindings);
  const make = new Function(...names, `return function loop(n) { let r; for (let i = 0; i < n; i++) r = ${expr}; return r; };`);
  return make(...names.map((k) => bindings[k])) as Loop;
}

const collect: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

/** Seconds taken by `n` runs, after a full GC when node runs with --expose-gc (one peer's garbage is not billed to the next). */
export function timeLoop(loop: Loop, n: number): number {
  collect?.();
  const start = process.hrtime.bigint();
  loop(n);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Iterations that take about `targetSeconds`; running it is also the warm-up. */
export function calibrate(loop: Loop, targetSeconds: number): number {
  let n = 1;
  let t = timeLoop(loop, n);
  while (t < targetSeconds / 4) {
    n *= 2;
    t = timeLoop(loop, n);
  }
  return Math.max(1, Math.round((n * targetSeconds) / t));
}

export interface Summary {
  median: number;
  /** Half the range over the median: the ± of the table. */
  spread: number;
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, spread: median > 0 ? (s[s.length - 1] - s[0]) / 2 / median : 0 };
}
