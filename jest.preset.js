const path = require("node:path");

/** Shared jest settings: every project transpiles TypeScript with swc and finds tests under test/. */
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } },
    ],
  },
  moduleFileExtensions: ["ts", "js", "json"],
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  setupFiles: [path.join(__dirname, "jest.setup.js")],
  moduleNameMapper: { "^typescript$": path.join(__dirname, "jest.typescript-on-demand.js") },
};
