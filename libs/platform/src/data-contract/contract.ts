/** The Pulumi project that owns the tables; monitoring and access reference its stacks. */
export const DATA_PROJECT = "dynamodb-data";

/**
 * The data stack's config flag that adopts the existing production tables by name. Other parts
 * (the policy config) read it from the data stack's Pulumi.<stack>.yaml.
 */
export const ADOPT_EXISTING_TABLES_KEY = "adoptExistingTables";

/**
 * The data stack's list of adopted tables whose running contributor insights rule it imports
 * rather than creates; the adoption report reads the same key.
 */
export const EXISTING_CONTRIBUTOR_INSIGHTS_KEY = "existingContributorInsights";

/** Values keyed by logical table key (`events`, `sessions`, ...). */
export type TableMap = Readonly<Record<string, string>>;

/**
 * DynamoDB's contributor insights modes (DynamoDB API Reference, UpdateContributorInsights,
 * ContributorInsightsMode): every key's traffic, or throttled keys only.
 */
export const CONTRIBUTOR_INSIGHTS_MODES = ["ACCESSED_AND_THROTTLED_KEYS", "THROTTLED_KEYS"] as const;
export type ContributorInsightsMode = (typeof CONTRIBUTOR_INSIGHTS_MODES)[number];

/**
 * What the data stack exports and the other stacks read through a StackReference: physical table
 * names, table ARNs, stream ARNs of the tables that have a stream, and the contributor insights
 * mode of the tables that have a rule. Monitoring and access learn the tables from these alone.
 */
export interface DataStackOutputs {
  readonly tableNames: TableMap;
  readonly tableArns: TableMap;
  readonly streamArns: TableMap;
  readonly contributorInsightsModes: Readonly<Record<string, ContributorInsightsMode>>;
}

export const DATA_STACK_OUTPUT_NAMES = [
  "tableNames",
  "tableArns",
  "streamArns",
  "contributorInsightsModes",
] as const satisfies readonly (keyof DataStackOutputs)[];
