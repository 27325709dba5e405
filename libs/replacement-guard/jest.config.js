module.exports = { ...require("../../jest.preset.js"), displayName: "replacement-guard" };
