/**
 * Backpressure end to end: 100 000 messages of 1 KiB (~100 MB) through a
 * stream whose reader pauses now and then. The producer must stall while the
 * reader does, so what is in flight (produced but not yet consumed) and the
 * heap stay bounded however long the stream.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { sleep, startEcho } from "./helpers.js";

setFlagsFromString("--expose-gc");
/** A full garbage collection, so heap figures count live objects only. */
const gc = runInNewContext("gc") as () => void;

const TOTAL = 100_000;
const PAYLOAD = new Uint8Array(1024).fill(7);
/** In flight at most: HTTP/2 windows (64 KiB per stream, more per connection) plus a few small buffers. */
const MAX_IN_FLIGHT = 2_000;
/** Live heap growth allowed while paused mid-stream: a small fraction of the 100 MB that streams through. */
const MAX_HEAP_GROWTH = 20 * 1024 * 1024;

jest.setTimeout(180_000);

/** Live heap (after a full GC) above what it was when the test started: measured during the reader's pauses, when most is in flight. */
function liveHeapProbe(): { sample(): void; peak: number; rssPeak: number } {
  gc();
  const start = process.memoryUsage();
  return {
    peak: 0,
    rssPeak: 0,
    sample() {
      gc();
      const m = process.memoryUsage();
      this.peak = Math.max(this.peak, m.heapUsed - start.heapUsed);
      this.rssPeak = Math.max(this.rssPeak, m.rss - start.rss);
    },
  };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

it("server streaming to a slow reader: the handler's generator stalls while the client pauses", async () => {
  let produced = 0;
  const echo = await startEcho({
    async *expand() {
      for (; produced < TOTAL; produced++) yield { payload: PAYLOAD };
    },
  });
  try {
    let consumed = 0;
    let maxInFlight = 0;
    let stalledAt = -1;
    const memory = liveHeapProbe();
    for await (const r of echo.client.expand({})) {
      if (r.payload.length !== 1024) throw new Error("bad payload");
      consumed++;
      maxInFlight = Math.max(maxInFlight, produced - consumed);
      if (consumed % 20_000 === 0) {
        const before = produced;
        await sleep(300); // the slow reader: nothing is read for a while
        stalledAt = produced - before;
        memory.sample();
      }
    }
    console.log(`server streaming: ${TOTAL} x 1 KiB, max in flight ${maxInFlight} messages, heap peak +${mb(memory.peak)}, rss peak +${mb(memory.rssPeak)}`);
    expect(consumed).toBe(TOTAL);
    expect(maxInFlight).toBeLessThan(MAX_IN_FLIGHT);
    expect(stalledAt).toBeLessThan(MAX_IN_FLIGHT);
    expect(memory.peak).toBeLessThan(MAX_HEAP_GROWTH);
  } finally {
    await echo.stop();
  }
});

it("client streaming to a slow handler: the client's request generator stalls while the handler pauses", async () => {
  let produced = 0;
  let consumed = 0;
  let maxInFlight = 0;
  const memory = liveHeapProbe();
  const echo = await startEcho({
    async collect(requests) {
      for await (const r of requests) {
        if (r.payload.length !== 1024) throw new Error("bad payload");
        consumed++;
        maxInFlight = Math.max(maxInFlight, produced - consumed);
        if (consumed % 20_000 === 0) {
          await sleep(300); // the slow handler
          memory.sample();
        }
      }
      return { count: consumed };
    },
  });
  try {
    async function* requests() {
      for (; produced < TOTAL; produced++) yield { payload: PAYLOAD };
    }
    const { count } = await echo.client.collect(requests());
    console.log(`client streaming: ${TOTAL} x 1 KiB, max in flight ${maxInFlight} messages, heap peak +${mb(memory.peak)}, rss peak +${mb(memory.rssPeak)}`);
    expect(count).toBe(TOTAL);
    expect(maxInFlight).toBeLessThan(MAX_IN_FLIGHT);
    expect(memory.peak).toBeLessThan(MAX_HEAP_GROWTH);
  } finally {
    await echo.stop();
  }
});
