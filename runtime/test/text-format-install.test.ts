import { inspect } from "node:util";

/**
 * Text format is installed by the Node entries (`@tsgrpc/runtime`, `/grpc`)
 * and by `@tsgrpc/runtime/text`; the browser entry (index.ts) leaves it out,
 * so a message imported through it says what to import instead of failing
 * obscurely. Each test loads the runtime afresh to see it before installing.
 */
describe("text format, installed on demand", () => {
  beforeEach(() => jest.resetModules());

  it("is missing from the browser entry: a clear error, and console.log falls back to the properties", () => {
    const { Timestamp } = require("../src/index") as typeof import("../src/index");
    const ts = new Timestamp({ seconds: 5n });
    expect(() => ts.toText()).toThrow('add `import "@tsgrpc/runtime/text";`');
    expect(() => Timestamp.fromText("seconds: 1")).toThrow(/text format is not loaded/);
    expect(() => ts.mergeText("seconds: 1")).toThrow(/text format is not loaded/);
    expect(inspect(ts)).toContain("seconds: 5n");
    // Binary and JSON need nothing more.
    expect(Timestamp.fromBinary(ts.toBinary()).toJsonString()).toBe('"1970-01-01T00:00:05Z"');
  });

  it("works on every message once @tsgrpc/runtime/text is imported", () => {
    const { Timestamp } = require("../src/index") as typeof import("../src/index");
    require("../src/text/index");
    expect(new Timestamp({ seconds: 5n }).toText()).toBe("seconds: 5\n");
    expect(Timestamp.fromText("seconds: 7").seconds).toBe(7n);
    expect(inspect(new Timestamp({ seconds: 5n }))).toBe("Timestamp { seconds: 5 }");
  });

  it.each([
    ["@tsgrpc/runtime (Node)", "../src/node"],
    ["@tsgrpc/runtime/grpc", "../src/grpc/index"],
  ])("comes with %s", (_name, entry) => {
    require(entry);
    const { Timestamp } = require("../src/index") as typeof import("../src/index");
    expect(new Timestamp({ seconds: 5n }).toText({ singleLine: true })).toBe("seconds: 5");
  });
});
