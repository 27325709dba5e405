module.exports = { ...require("../../jest.preset.js"), displayName: "drift-report" };
