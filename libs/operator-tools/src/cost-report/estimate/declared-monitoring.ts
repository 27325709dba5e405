import type { DeclaredAlarm, DeclaredState } from "@dynamodb-platform/offline-plan";
import { DYNAMODB_STREAM_OPERATIONS, DYNAMODB_TABLE_OPERATIONS } from "@dynamodb-platform/platform";

/**
 * What the monitoring stack of this commit declares, as CloudWatch bills it (CloudWatch pricing):
 * a standard-resolution alarm per metric it evaluates (metric math: each metric it reads); a
 * Metrics Insights query alarm per metric its query analyzes (no free tier); a dashboard a month.
 */
export interface MonitoringFootprint {
  /** Standard-resolution alarms, each with the number of metrics it evaluates. */
  readonly standardAlarms: readonly { readonly name: string; readonly metrics: number }[];
  readonly metricsInsightsAlarms: readonly string[];
  readonly dashboards: number;
}

/**
 * A Metrics Insights query over SystemErrors analyzes at most one series per (TableName,
 * Operation) DynamoDB publishes: its table operations and the stream's GetRecords (an upper bound).
 */
export const SYSTEM_ERRORS_OPERATIONS = DYNAMODB_TABLE_OPERATIONS.length + DYNAMODB_STREAM_OPERATIONS.length;

const isMetricsInsights = (alarm: DeclaredAlarm) => alarm.metricQueries.some((query) => /^\s*select\b/i.test(query.expression ?? ""));

export function monitoringFootprint(declared: Pick<DeclaredState, "alarms" | "dashboards">): MonitoringFootprint {
  return {
    standardAlarms: declared.alarms
      .filter((alarm) => !isMetricsInsights(alarm))
      .map((alarm) => ({ name: alarm.name, metrics: (alarm.metric ? 1 : 0) + alarm.metricQueries.filter((query) => query.metric).length })),
    metricsInsightsAlarms: declared.alarms.filter(isMetricsInsights).map((alarm) => alarm.name),
    dashboards: declared.dashboards.length,
  };
}
