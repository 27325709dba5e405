module.exports = {
  ...require("../../jest.preset.js"),
  displayName: "operator-tools",
  // The workspace's global setup, plus one moto_server for the moto tier's files when they run one after another.
  globalSetup: "<rootDir>/test/moto-server.global-setup.ts",
  globalTeardown: "<rootDir>/test/moto-server.global-teardown.ts",
};
