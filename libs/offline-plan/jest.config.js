module.exports = { ...require("../../jest.preset.js"), displayName: "offline-plan" };
