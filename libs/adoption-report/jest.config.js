module.exports = { ...require("../../jest.preset.js"), displayName: "adoption-report" };
