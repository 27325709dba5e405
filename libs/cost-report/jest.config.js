module.exports = { ...require("../../jest.preset.js"), displayName: "cost-report" };
