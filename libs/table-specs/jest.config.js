module.exports = { ...require("../../jest.preset.js"), displayName: "table-specs" };
