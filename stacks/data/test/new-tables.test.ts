import type { TableSpec } from "@dynamodb-platform/platform";
import { TEST_TABLES } from "@dynamodb-platform/testing";
import { CONTRIBUTOR_INSIGHTS, TABLE, optionsOf, resourcesOfType, runDataStack } from "./run-data-stack";

/** A table the platform adds later: it exists nowhere yet. */
const ORDERS: TableSpec = { key: "orders", hashKey: { name: "orderId", type: "S" }, contributorInsights: "THROTTLED_KEYS" };
const SPECS = [...TEST_TABLES, ORDERS];

describe("which tables exist is per table", () => {
  test("production imports the three existing tables and creates the new one", async () => {
    const run = await runDataStack("prod", {}, SPECS);
    const tables = Object.fromEntries(resourcesOfType(run, TABLE).map((t) => [String(t.inputs["name"]), optionsOf(t).import]));
    expect(tables).toEqual({ events: "events", sessions: "sessions", users: "users", "orders-prod": undefined });
    const insights = resourcesOfType(run, CONTRIBUTOR_INSIGHTS).find((r) => r.name === "contributor-insights-orders-prod");
    expect(insights?.importId).toBeUndefined();
  });

  test("the new table is created complete in production, with no adoption hold or timeout", async () => {
    const run = await runDataStack("prod", { adoptionStep: "billing" }, SPECS);
    const orders = resourcesOfType(run, TABLE).find((t) => t.inputs["name"] === "orders-prod");
    expect(orders && optionsOf(orders)).toEqual({ ignoreChanges: undefined, customTimeouts: undefined, import: undefined });
  });

  test("every other environment creates every table", async () => {
    const run = await runDataStack("dev", {}, SPECS);
    expect(resourcesOfType(run, TABLE).map((t) => [String(t.inputs["name"]), t.importId]).sort()).toEqual([
      ["events-dev", undefined],
      ["orders-dev", undefined],
      ["sessions-dev", undefined],
      ["users-dev", undefined],
    ]);
  });

  test("a new table's contributor insights cannot be declared already running", async () => {
    await expect(runDataStack("prod", { existingContributorInsights: '["orders"]' }, SPECS)).rejects.toThrow(
      /'dynamodb-data:existingContributorInsights': 'orders' is not an existing table with contributor insights\. Use only events/,
    );
  });
});
