import * as path from "node:path";
import { policyConfigFor } from "../src";
import type { TableSpec } from "@dynamodb-platform/platform";

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

test("a table added to the specs is not adopted in production: its name must carry the suffix", () => {
  const specs: TableSpec[] = [
    { key: "events", existsInProduction: true, hashKey: { name: "eventId", type: "S" } },
    { key: "orders", hashKey: { name: "orderId", type: "S" } },
  ];
  expect(policyConfigFor(path.join(stacks, "data"), "prod", specs)).toEqual({
    "names-carry-environment-suffix": { environmentSuffix: "prod", adoptedTableNames: ["events"] },
  });
});
