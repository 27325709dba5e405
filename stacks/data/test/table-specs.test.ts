import { TABLE, resourcesOfType, runDataStack } from "./run-data-stack";
import type { TableSpec } from "@dynamodb-platform/platform";
import { TEST_TABLES } from "@dynamodb-platform/testing";
import { expectRunFailure } from "@dynamodb-platform/program-runner";

function generatedSpecs(count: number): TableSpec[] {
  return Array.from({ length: count }, (_, i) => ({ key: `table${i}`, hashKey: { name: "id", type: "S" } }));
}

describe("the tables component builds whatever specs it is given", () => {
  test("30 generated tables become 30 on-demand tables", async () => {
    const run = await runDataStack("dev", {}, generatedSpecs(30));
    const tables = resourcesOfType(run, TABLE);
    expect(tables).toHaveLength(30);
    expect(tables.every((t) => t.inputs["billingMode"] === "PAY_PER_REQUEST")).toBe(true);
    expect(Object.keys(run.outputs["tableNames"] as object)).toHaveLength(30);
  });

  test.each<[string, TableSpec[], RegExp]>([
    [
      "an attribute used with two types",
      [{ ...TEST_TABLES[1], globalSecondaryIndexes: [{ name: "bad-index", hashKey: { name: "sessionId", type: "N" }, projection: "ALL" }] }],
      /Table spec 'sessions': attribute 'sessionId' is used as both S and N/,
    ],
    ["two tables with one key", [TEST_TABLES[0], TEST_TABLES[0]], /Table spec 'events': the key is used by two tables/],
    ["PITR beyond 35 days", [{ ...TEST_TABLES[2], pointInTimeRecoveryDays: 36 }], /Table spec 'users': pointInTimeRecoveryDays 36 is outside 1..35/],
    ["an uppercase table key", [{ ...TEST_TABLES[0], key: "Events" }], /Table spec 'Events': the key must be/],
    ["no tables", [], /no tables were given/],
  ])("rejects %s before registering any table", async (_case, specs, message) => {
    const failure = await expectRunFailure(runDataStack("dev", {}, specs));
    expect(failure.message).toMatch(message);
    expect(failure.resources.filter((r) => r.type === TABLE)).toEqual([]);
  });
});
