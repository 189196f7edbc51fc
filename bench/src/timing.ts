/** A timed loop: runs its body `n` times and returns the last result. */
export type Loop = (n: number) => unknown;

/**
 * Compiles `expr` into its own loop function. A fresh `new Function` per peer
 * and message keeps each loop's call sites monomorphic, so one peer's code
 * shape cannot slow another's measurement.
 */
export function compileLoop(expr: string, bindings: Record<string, unknown>): Loop {
  const names = Object.keys(bindings);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiling the loop is the point (see above)
  const make = new Function(...names, `return function loop(n) { let r; for (let i = 0; i < n; i++) r = ${expr}; return r; };`) as (
    ...values: unknown[]
  ) => Loop;
  return make(...names.map((k) => bindings[k]));
}

/**
 * CPU seconds (user + system, all of this process's threads) taken by `n`
 * runs. CPU time, not wall time: the machine is shared, and time spent
 * descheduled while other processes run is not the codec's cost. GC work on
 * helper threads still counts, as it should.
 */
export function timeLoop(loop: Loop, n: number): number {
  const start = process.cpuUsage();
  loop(n);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/**
 * Warms the loop up (doubling batches until about `4 * targetSeconds` were
 * spent, so the optimizing compiler is done with it), then returns the
 * iterations that take about `targetSeconds` at warm speed. Sizing from a
 * cold first run would give batches of a few iterations that time the timer.
 */
export function calibrate(loop: Loop, targetSeconds: number): number {
  let n = 1;
  let spent = 0;
  let t = 0;
  while (spent < 4 * targetSeconds) {
    t = timeLoop(loop, n);
    spent += t;
    n *= 2;
  }
  return Math.max(1, Math.round((n / 2) * (targetSeconds / t)));
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
