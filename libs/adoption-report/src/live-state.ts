import type {
  ContinuousBackupsDescription,
  DescribeContributorInsightsOutput,
  TableDescription,
  TimeToLiveDescription,
} from "@aws-sdk/client-dynamodb";
import type { EventSourceMappingConfiguration } from "@aws-sdk/client-lambda";

/** Everything the read-only calls return about one live table, as AWS returns it. */
export interface LiveTableState {
  readonly table: TableDescription;
  readonly continuousBackups?: ContinuousBackupsDescription;
  readonly timeToLive?: TimeToLiveDescription;
  readonly contributorInsights: Pick<DescribeContributorInsightsOutput, "ContributorInsightsStatus" | "ContributorInsightsMode">;
  readonly tags: Readonly<Record<string, string>>;
  /** Lambda event source mappings reading the table's current stream. */
  readonly streamConsumers: readonly EventSourceMappingConfiguration[];
}
