import type {
  ContinuousBackupsDescription,
  DescribeContributorInsightsOutput,
  TableDescription,
  TimeToLiveDescription,
} from "@aws-sdk/client-dynamodb";
import type { EventSourceMappingConfiguration } from "@aws-sdk/client-lambda";
import type { KeyManagerAnswer } from "@dynamodb-platform/live-account";

/** Everything the read-only calls return about one live table, as AWS returns it. */
export interface LiveTableState {
  readonly table: TableDescription;
  readonly continuousBackups?: ContinuousBackupsDescription;
  readonly timeToLive?: TimeToLiveDescription;
  readonly contributorInsights: Pick<DescribeContributorInsightsOutput, "ContributorInsightsStatus" | "ContributorInsightsMode">;
  readonly tags: Readonly<Record<string, string>>;
  /** Lambda event source mappings reading the table's current stream. */
  readonly streamConsumers: readonly EventSourceMappingConfiguration[];
  /** KMS DescribeKey on the table's SSE key, when the table is on a KMS key: who manages it, or denied. */
  readonly kmsKeyManager?: KeyManagerAnswer;
}
