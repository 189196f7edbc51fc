import { HealthCheckResponse_ServingStatus as ServingStatus } from "../../gen/grpc/health/v1/health_pb.js";

export { ServingStatus };

/** The statuses `setStatus` accepts (SERVICE_UNKNOWN is what Watch says of a name never set). */
export type SettableStatus = ServingStatus.UNKNOWN | ServingStatus.SERVING | ServingStatus.NOT_SERVING;

/**
 * The serving status of a server's services, as its `grpc.health.v1.Health`
 * service reports it (`server.health`). `""` stands for the whole server.
 */
export class ServerHealth {
  readonly #statuses = new Map<string, SettableStatus>([["", ServingStatus.SERVING]]);
  /** Wakes the watches waiting for a change; each removes itself when woken or aborted. */
  readonly #waiting = new Set<() => void>();
  /** Counts changes, so a watch knows whether one happened while it was busy. */
  #version = 0;
  #ended = false;

  /** Sets the status of `service` ("" for the whole server); watchers see the change. */
  setStatus(service: string, status: SettableStatus): void {
    if (typeof service !== "string") throw new TypeError(`health.setStatus: service must be a string, got ${typeof service}`);
    if (status !== ServingStatus.UNKNOWN && status !== ServingStatus.SERVING && status !== ServingStatus.NOT_SERVING) {
      throw new RangeError(`health.setStatus: status must be UNKNOWN, SERVING or NOT_SERVING, got ${String(status)}`);
    }
    if (this.#statuses.get(service) === status) return;
    this.#statuses.set(service, status);
    this.#notify();
  }

  /** The status of `service`, or undefined when it was never set. */
  getStatus(service: string): SettableStatus | undefined {
    return this.#statuses.get(service);
  }

  /** Every service with a status. */
  statuses(): ReadonlyMap<string, SettableStatus> {
    return this.#statuses;
  }

  /**
   * The status of `service` now and after each change (SERVICE_UNKNOWN while
   * it has none), until `signal` aborts or the server shuts down.
   */
  async *watch(service: string, signal: AbortSignal): AsyncGenerator<ServingStatus> {
    let sent: ServingStatus | undefined;
    for (;;) {
      // Taken before yielding, so a change made while the consumer is busy still wakes the next wait.
      const version = this.#version;
      const status = this.#statuses.get(service) ?? ServingStatus.SERVICE_UNKNOWN;
      if (status !== sent) yield (sent = status);
      if (this.#ended || !(await this.#changedSince(version, signal))) return;
    }
  }

  /** Marks every service NOT_SERVING and ends every watch once it has said so (graceful shutdown must not wait on them). */
  shutdown(): void {
    for (const service of this.#statuses.keys()) this.#statuses.set(service, ServingStatus.NOT_SERVING);
    this.#ended = true;
    this.#notify();
  }

  #notify(): void {
    this.#version++;
    for (const wake of [...this.#waiting]) wake();
  }

  /** Resolves true on the first change after `version` (at once if there was one), false if `signal` aborts first. */
  #changedSince(version: number, signal: AbortSignal): Promise<boolean> {
    if (this.#version !== version) return Promise.resolve(true);
    if (signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      // Both listeners go as soon as either fires: a watch that ends leaves nothing behind.
      const settle = (changed: boolean) => {
        this.#waiting.delete(onChange);
        signal.removeEventListener("abort", onAbort);
        resolve(changed);
      };
      const onChange = () => settle(true);
      const onAbort = () => settle(false);
      this.#waiting.add(onChange);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }
}
