import { PRODUCTION_TABLES, physicalTableName } from "../src/table-specs";

describe("physical table names", () => {
  test("adopted production tables keep their exact names", () => {
    expect(PRODUCTION_TABLES.map((spec) => physicalTableName(spec, { environmentSuffix: "prod", adoptExistingTables: true }))).toEqual([
      "events",
      "sessions",
      "users",
    ]);
  });

  test("every other stack's tables carry the environment suffix", () => {
    expect(PRODUCTION_TABLES.map((spec) => physicalTableName(spec, { environmentSuffix: "pr-42", adoptExistingTables: false }))).toEqual([
      "events-pr-42",
      "sessions-pr-42",
      "users-pr-42",
    ]);
  });
});
