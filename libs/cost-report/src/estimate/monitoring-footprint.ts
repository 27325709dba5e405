// By path until stack-config's index exports the list (the monitoring stack's dashboard is to read it there too).
import { DYNAMODB_STREAM_OPERATIONS, DYNAMODB_TABLE_OPERATIONS } from "@dynamodb-platform/stack-config";

/**
 * What the monitoring stack deploys per environment, as the cost report prices it. It mirrors
 * stacks/monitoring by hand (the report must not import a Pulumi program): when the alarms or the
 * dashboard change there, change this too.
 *
 * - UserErrors: one account-wide alarm, metric math `FILL(m1, 0)` over the one UserErrors metric.
 *   A standard-resolution alarm is billed per metric it evaluates: one alarm metric.
 * - SystemErrors: one Metrics Insights query alarm per table, billed per metric the query analyzes
 *   (CloudWatch pricing: Metrics Insights query alarms are charged per metric analyzed, and get no free tier).
 *   SystemErrors is published per (TableName, Operation); the count below is an upper bound.
 * - One dashboard per environment.
 */
export interface MonitoringFootprint {
  readonly standardAlarmMetrics: number;
  readonly metricsInsightsAlarms: number;
  readonly metricsAnalyzedPerInsightsAlarm: number;
  readonly dashboards: number;
}

/**
 * SystemErrors is published per (TableName, Operation): at most one series per table operation and
 * one for the stream's GetRecords (14 today), from the list the dashboard graphs too.
 */
export const SYSTEM_ERRORS_OPERATIONS = DYNAMODB_TABLE_OPERATIONS.length + DYNAMODB_STREAM_OPERATIONS.length;

export function monitoringFootprint(tableCount: number): MonitoringFootprint {
  return {
    standardAlarmMetrics: 1,
    metricsInsightsAlarms: tableCount,
    metricsAnalyzedPerInsightsAlarm: SYSTEM_ERRORS_OPERATIONS,
    dashboards: 1,
  };
}
