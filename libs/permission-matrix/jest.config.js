module.exports = { ...require("../../jest.preset.js"), displayName: "permission-matrix" };
