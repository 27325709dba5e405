import type { TableSpec } from "./table-spec";

/** The three production tables. Key schemas are those of the existing tables. */
export const PRODUCTION_TABLES: readonly TableSpec[] = [
  {
    key: "events",
    hashKey: { name: "eventId", type: "S" },
    stream: "NEW_AND_OLD_IMAGES",
    contributorInsights: "ACCESSED_AND_THROTTLED_KEYS",
  },
  {
    key: "sessions",
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
    hashKey: { name: "userId", type: "S" },
    pointInTimeRecoveryDays: 35,
  },
];
