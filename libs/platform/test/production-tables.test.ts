// The one test pinned to the production tables, on purpose: every other test runs with its own
// tables (libs/testing's TEST_TABLES, swapped in by jest.preset.js), so adding a table to the specs
// fails here only. Imported by path, the one import the swap leaves alone.
import { PRODUCTION_TABLES } from "../src/table-specs/production-tables";
import { physicalTableName } from "../src/table-specs";

describe("the production tables", () => {
  test("are the specs stated here: a changed key schema would replace a live table, so any change is a deliberate edit of this test", () => {
    expect(PRODUCTION_TABLES).toEqual([
      {
        key: "events",
        existsInProduction: true,
        hashKey: { name: "eventId", type: "S" },
        stream: "NEW_AND_OLD_IMAGES",
        contributorInsights: "ACCESSED_AND_THROTTLED_KEYS",
      },
      {
        key: "sessions",
        existsInProduction: true,
        hashKey: { name: "sessionId", type: "S" },
        globalSecondaryIndexes: [
          {
            name: "userId-timestamp-index",
            hashKey: { name: "userId", type: "S" },
            rangeKey: { name: "timestamp", type: "N" },
            projection: "ALL",
          },
        ],
      },
      {
        key: "users",
        existsInProduction: true,
        hashKey: { name: "userId", type: "S" },
        pointInTimeRecoveryDays: 35,
      },
    ]);
  });

  test("production adopts events, sessions and users under their exact names (docs/runbooks/adoption.md)", () => {
    const adopted = PRODUCTION_TABLES.filter((spec) => physicalTableName(spec, { environmentSuffix: "prod", adoptExistingTables: true }) === spec.key);
    expect(adopted.map((spec) => spec.key)).toEqual(["events", "sessions", "users"]);
  });
});
