import type { ContributorInsightsMode } from "../data-contract";

/** A DynamoDB attribute used as a key: name and scalar type (string, number, binary). */
export interface KeyAttribute {
  readonly name: string;
  readonly type: "S" | "N" | "B";
}

export interface GlobalIndexSpec {
  readonly name: string;
  readonly hashKey: KeyAttribute;
  readonly rangeKey?: KeyAttribute;
  readonly projection: "ALL" | "KEYS_ONLY";
}

export type StreamViewType = "NEW_AND_OLD_IMAGES" | "NEW_IMAGE" | "OLD_IMAGE" | "KEYS_ONLY";

/**
 * One table, as data. Everything else about a table (on-demand billing, AWS managed encryption,
 * no deletion protection) is the same for all tables and lives in table-args.ts.
 */
export type { ContributorInsightsMode };

export interface TableSpec {
  /** Logical key: the table's name in production and the key of every stack output map. */
  readonly key: string;
  /**
   * The table already exists in production under its key, created before the platform: a stack
   * that adopts (adoptExistingTables) imports it. Absent: every stack, production too, creates
   * `{key}-{environmentSuffix}`, so a table added to the specs is never imported where it does not exist.
   */
  readonly existsInProduction?: true;
  /** Must equal the existing table's key schema: a change here replaces the table. */
  readonly hashKey: KeyAttribute;
  readonly rangeKey?: KeyAttribute;
  readonly globalSecondaryIndexes?: readonly GlobalIndexSpec[];
  /** Stream records are kept 24 hours; AWS fixes that period. */
  readonly stream?: StreamViewType;
  /** Point-in-time recovery window in days (1 to 35); absent means PITR off. */
  readonly pointInTimeRecoveryDays?: number;
  readonly contributorInsights?: ContributorInsightsMode;
}
