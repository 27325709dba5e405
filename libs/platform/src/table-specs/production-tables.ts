import type { TableSpec } from "./table-spec";

/** The production tables. The three that existed before the platform keep their key schemas and are adopted. */
export const PRODUCTION_TABLES: readonly TableSpec[] = [
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
