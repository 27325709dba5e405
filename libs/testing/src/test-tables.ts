import type { TableSpec } from "@dynamodb-platform/platform";

/**
 * The tables every test runs the stacks and tools with, owned by the tests: one feature each
 * (a stream with contributor insights, a GSI, PITR), all existing in production. The production
 * list is pinned in one place only, libs/platform/test/production-tables.test.ts.
 */
export const TEST_TABLES: readonly TableSpec[] = [
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
];
