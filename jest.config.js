/**
 * Jest runs the TypeScript tests beside each package; ts-jest only transpiles (`npm run typecheck` checks types).
 *
 * Two tiers. `npm test` runs the fast tier: every `*.test.ts` but `*.slow.test.ts` (unit, codec, plugin
 * in-process, short fuzz). `CI=true npm test` (and `.ci/run`) runs the full tier: the `*.slow.test.ts` suites
 * too (real servers under load, flow control, faults, interop, packaging, conformance, compilers spawned,
 * tsc over generated code) and the fuzz tests at their full counts. See docs/TESTING.md.
 */
const fullTier = process.env.CI === "true";

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/runtime/test", "<rootDir>/plugin/test", "<rootDir>/bench/test", "<rootDir>/example/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: fullTier ? ["/node_modules/"] : ["/node_modules/", "\\.slow\\.test\\.ts$"],
  // Builds runtime/dist and plugin/dist first, so no test spawns a stale plugin.
  globalSetup: "<rootDir>/jest.global-setup.js",
  transform: { "^.+\\.ts$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }] },
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
  testTimeout: 60000,
};
