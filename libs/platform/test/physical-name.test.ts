import { physicalTableName, type TableSpec } from "../src/table-specs";

const EXISTING: TableSpec = { key: "events", existsInProduction: true, hashKey: { name: "eventId", type: "S" } };
const NEW: TableSpec = { key: "orders", hashKey: { name: "orderId", type: "S" } };

describe("physical table names", () => {
  test("an adopting stack keeps the exact name of a table that exists in production, and suffixes a new one", () => {
    expect([EXISTING, NEW].map((spec) => physicalTableName(spec, { environmentSuffix: "prod", adoptExistingTables: true }))).toEqual([
      "events",
      "orders-prod",
    ]);
  });

  test("every other stack's tables carry the environment suffix", () => {
    expect([EXISTING, NEW].map((spec) => physicalTableName(spec, { environmentSuffix: "pr-42", adoptExistingTables: false }))).toEqual([
      "events-pr-42",
      "orders-pr-42",
    ]);
  });
});
