/**
 * Jest runs the TypeScript tests beside each package; ts-jest only transpiles (`npm run typecheck` checks types).
 *
 * Two tiers. `npm test` runs the fast tier: every `*.test.ts` but `*.slow.test.ts` (unit, codec, plugin
 * in-process, short fuzz). `CI=true npm test` (and `.ci/run`) runs the full tier: the `*.slow.test.ts` suites
 * too (real servers under load, flow control, faults, interop, packaging, conformance, compilers spawned,
 * tsc over generated code) and the fuzz tests at their full counts. See docs/TESTING.md.
 */
const fullTier = process.env.CI === "true";

const base = {
  testEnvironment: "node",
  testPathIgnorePatterns: fullTier ? ["/node_modules/"] : ["/node_modules/", "\\.slow\\.test\\.ts$"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // Generated code imports "@tsgrpc/runtime": tests run it from source, no build needed.
  moduleNameMapper: {
    "^(\\.{1,2}/.*)\\.js$": "$1",
    // Node's entry: the index with text format installed (runtime/src/node.ts).
    "^@tsgrpc/runtime$": "<rootDir>/runtime/src/node.ts",
    "^@tsgrpc/runtime/text$": "<rootDir>/runtime/src/text/index.ts",
    "^@tsgrpc/runtime/grpc$": "<rootDir>/runtime/src/grpc/index.ts",
    "^@tsgrpc/runtime/validate$": "<rootDir>/runtime/src/validate/index.ts",
    "^@tsgrpc/runtime/validate/grpc$": "<rootDir>/runtime/src/validate/grpc.ts",
    "^@tsgrpc/runtime/validate/cel$": "<rootDir>/runtime/src/validate/cel.ts",
    "^@tsgrpc/runtime/otel$": "<rootDir>/runtime/src/otel/index.ts",
    "^@tsgrpc/runtime/testing$": "<rootDir>/runtime/src/testing/index.ts",
  },
};

/**
 * The gRPC behaviour suites run a second time with a pass-through interceptor on each side
 * (runtime/test/grpc/helpers.ts `passThroughMode`): users with auth or logging middleware take that path.
 */
const behaviourSuites = [
  "call-kinds",
  "cancellation",
  "deadlines",
  "errors",
  "metadata",
  "rpc-error-display",
  "server-errors",
  "server",
  "raw-grpc-js",
  "flow-control",
  "faults-lifecycle",
  "faults-protocol",
  "faults-security",
  "load",
  "pass-through",
];

module.exports = {
  // Builds runtime/dist and plugin/dist first, so no test spawns a stale plugin.
  globalSetup: "<rootDir>/jest.global-setup.js",
  testTimeout: 60000,
  // Jest's default on 2 cores is one worker; two overlap the suites that wait on timers and sockets
  // (fast tier on an idle 2-core machine: 53 s instead of 73 s).
  maxWorkers: 2,
  projects: [
    {
      ...base,
      displayName: "main",
      roots: ["<rootDir>/runtime/test", "<rootDir>/plugin/test", "<rootDir>/bench/test", "<rootDir>/example/test"],
      testMatch: ["**/*.test.ts"],
    },
    {
      ...base,
      displayName: "interceptors",
      roots: ["<rootDir>/runtime/test/grpc"],
      testMatch: behaviourSuites.map((name) => `**/grpc/${name}.{test,slow.test}.ts`),
      globals: { TSGRPC_PASS_THROUGH: true },
    },
  ],
};
