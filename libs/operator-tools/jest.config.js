module.exports = { ...require("../../jest.preset.js"), displayName: "operator-tools" };
