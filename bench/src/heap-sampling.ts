/**
 * V8's sampling heap profiler through the inspector, counting the objects
 * young and full collections freed too (as `node --heap-prof` does not): the
 * bytes each function allocates, garbage included. Shared by `profile --heap`
 * and the h2load bench's allocations per call.
 */
import { Session, type HeapProfiler, type Runtime } from "node:inspector";
import { relative } from "node:path";

export interface Allocation {
  name: string;
  where: string;
  bytes: number;
}

export function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r as T))));
}

/** A profile node's function name and source location. */
export function frame(f: Runtime.CallFrame): { name: string; where: string } {
  const where = f.url ? `${relative(process.cwd(), f.url.replace(/^file:\/\//, ""))}:${f.lineNumber + 1}` : "";
  return { name: f.functionName || "(anonymous)", where };
}

/** Starts sampling every `interval` bytes; the returned function stops and gives the bytes allocated per function (self), heaviest first. */
export async function startHeapSampling(interval = 128): Promise<() => Promise<Allocation[]>> {
  const session = new Session();
  session.connect();
  await post(session, "HeapProfiler.startSampling", {
    samplingInterval: interval,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return async () => {
    const { profile } = await post<{ profile: HeapProfiler.SamplingHeapProfile }>(session, "HeapProfiler.stopSampling");
    session.disconnect();
    return selfAllocations(profile);
  };
}

function selfAllocations(profile: HeapProfiler.SamplingHeapProfile): Allocation[] {
  const byFunction = new Map<string, Allocation>();
  const visit = (n: HeapProfiler.SamplingHeapProfileNode): void => {
    const { name, where } = frame(n.callFrame);
    const key = `${name}@${where}`;
    const entry = byFunction.get(key) ?? { name, where, bytes: 0 };
    entry.bytes += n.selfSize;
    byFunction.set(key, entry);
    n.children.forEach(visit);
  };
  visit(profile.head);
  return [...byFunction.values()].filter((e) => e.bytes > 0).sort((a, b) => b.bytes - a.bytes);
}
