module.exports = {
  ...require("../../jest.preset.js"),
  displayName: "pipeline",
  // The longest test project, which Nx starts last (no project depends on it): its files mostly
  // wait on the processes they start (Nx, npm, git), so two run at a time, even on 2 cores.
  maxWorkers: 2,
};
