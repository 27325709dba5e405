module.exports = { ...require("../../jest.preset.js"), displayName: "affected-stacks" };
