import { Server } from "@tsgrpc/runtime/grpc";
import { streamResetLimitSupported } from "../../src/grpc/server/stream-reset-limit.js";

describe("ServerOptions.streamResetLimit", () => {
  it("is supported from Node 22.10 on (earlier HTTP/2 servers ignore streamResetBurst/streamResetRate)", () => {
    expect(["20.20.2", "21.7.3", "22.9.0", "22.10.0", "22.23.5", "23.0.0", "24.11.1"].map((v) => [v, streamResetLimitSupported(v)])).toEqual([
      ["20.20.2", false],
      ["21.7.3", false],
      ["22.9.0", false],
      ["22.10.0", true],
      ["22.23.5", true],
      ["23.0.0", true],
      ["24.11.1", true],
    ]);
  });

  it.each([0, -1, 1.5, NaN])("refuses %s as a burst or rate with a RangeError naming it", (bad) => {
    expect(() => new Server({ streamResetLimit: { burst: bad, ratePerSecond: 10 } })).toThrow(
      new RangeError(`streamResetLimit.burst must be a positive integer, got ${String(bad)}`),
    );
    expect(() => new Server({ streamResetLimit: { burst: 10, ratePerSecond: bad } })).toThrow(
      new RangeError(`streamResetLimit.ratePerSecond must be a positive integer, got ${String(bad)}`),
    );
  });

  // What the limit does, under a storm of 3,000 cancelled calls: reset-storm.slow.test.ts.
  it("is accepted where Node honours it, and refused where it would be ignored", () => {
    const limit = { burst: 5000, ratePerSecond: 500 };
    if (streamResetLimitSupported()) {
      expect(() => new Server({ streamResetLimit: limit })).not.toThrow();
    } else {
      expect(() => new Server({ streamResetLimit: limit })).toThrow(
        `streamResetLimit needs Node 22.10 or later, whose HTTP/2 server takes streamResetBurst and streamResetRate; Node ${process.versions.node} would ignore it`,
      );
    }
  });
});
