/** Jest runs the TypeScript tests beside each package; ts-jest only transpiles (tsc checks types). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/runtime/test", "<rootDir>/plugin/test", "<rootDir>/bench/test", "<rootDir>/example/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }] },
  // Generated code imports "@tsgrpc/runtime": tests run it from source, no build needed.
  moduleNameMapper: {
    "^(\\.{1,2}/.*)\\.js$": "$1",
    "^@tsgrpc/runtime$": "<rootDir>/runtime/src/index.ts",
    "^@tsgrpc/runtime/grpc$": "<rootDir>/runtime/src/grpc/index.ts",
    "^@tsgrpc/runtime/validate$": "<rootDir>/runtime/src/validate/index.ts",
  },
  testTimeout: 60000,
};
