module.exports = { ...require("../../jest.preset.js"), displayName: "deploy-pipeline" };
