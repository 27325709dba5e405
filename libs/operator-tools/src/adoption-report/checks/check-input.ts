import type { TableSpec } from "@dynamodb-platform/platform";
import type { AdoptionTableState } from "../live-state";

/** What every check compares: the live table, its spec, and what the program adds to it. */
export interface CheckInput {
  readonly spec: TableSpec;
  readonly live: AdoptionTableState;
  /** The tags the program gives the table: the stack's mandatory tags, nothing else. */
  readonly programTags: Readonly<Record<string, string>>;
  readonly now: Date;
  /** The data stack's config lists this table under existingContributorInsights: the rule is imported. */
  readonly contributorInsightsImported: boolean;
}
