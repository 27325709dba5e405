import * as path from "node:path";
import { policyConfigFor } from "../src";

const stacks = path.join(__dirname, "..", "..", "..", "stacks");

describe("policy config from the stack files", () => {
  test.each([
    ["data", "dev", { environmentSuffix: "dev", adoptedTableNames: [] }],
    ["monitoring", "dev", { environmentSuffix: "dev", adoptedTableNames: [] }],
    ["access", "prod", { environmentSuffix: "prod", adoptedTableNames: ["events", "sessions", "users"] }],
    ["data", "prod", { environmentSuffix: "prod", adoptedTableNames: ["events", "sessions", "users"] }],
  ])("%s %s", (stackFolder, stack, expected) => {
    expect(policyConfigFor(path.join(stacks, stackFolder), stack)).toEqual({ "names-carry-environment-suffix": expected });
  });
});
