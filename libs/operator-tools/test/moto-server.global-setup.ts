import { motoInstalled, startSharedMotoServer } from "../../testing/src/moto";

// The workspace's global setup (the tests' tables for child processes), which this one replaces in the project's jest config.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workspaceSetup = require("../../../jest.global-setup.js") as () => void;

/**
 * The moto tier's files (verify, adoption report, cost report) share one moto_server when jest
 * runs the files one after another (one worker: in band, as on a 2-core machine); with parallel
 * workers each file starts its own, since moto's state belongs to the whole server.
 */
export default async function globalSetup(globalConfig: { readonly maxWorkers: number }): Promise<void> {
  workspaceSetup();
  if (globalConfig.maxWorkers === 1 && motoInstalled()) {
    (globalThis as { stopSharedMoto?: () => Promise<void> }).stopSharedMoto = await startSharedMotoServer();
  }
}
