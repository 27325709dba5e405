module.exports = { ...require("../../jest.preset.js"), displayName: "program-runner" };
