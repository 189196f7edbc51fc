import { HealthCheckResponse_ServingStatus as ServingStatus } from "../../gen/grpc/health/v1/health_pb.js";
import { ABORTED, unlessAborted } from "../iterables.js";

export { ServingStatus };

/** The statuses `setStatus` accepts (SERVICE_UNKNOWN is what Watch says of a name never set). */
export type SettableStatus = ServingStatus.UNKNOWN | ServingStatus.SERVING | ServingStatus.NOT_SERVING;

/**
 * The serving status of a server's services, as its `grpc.health.v1.Health`
 * service reports it (`server.health`). `""` stands for the whole server.
 */
export class ServerHealth {
  readonly #statuses = new Map<string, SettableStatus>([["", ServingStatus.SERVING]]);
  #changed = deferred();
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
      const changed = this.#changed.promise;
      const status = this.#statuses.get(service) ?? ServingStatus.SERVICE_UNKNOWN;
      if (status !== sent) yield (sent = status);
      if (this.#ended || (await unlessAborted(changed, signal)) === ABORTED) return;
    }
  }

  /** Marks every service NOT_SERVING and ends every watch once it has said so (graceful shutdown must not wait on them). */
  shutdown(): void {
    for (const service of this.#statuses.keys()) this.#statuses.set(service, ServingStatus.NOT_SERVING);
    this.#ended = true;
    this.#notify();
  }

  #notify(): void {
    this.#changed.resolve();
    this.#changed = deferred();
  }
}

/** A promise with its resolver. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
