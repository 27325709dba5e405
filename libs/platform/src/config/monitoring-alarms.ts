/**
 * What the monitoring stack's alarms are made of, shared by the stack that declares them and by
 * `npm run verify`, which checks the deployed alarms against the same values.
 */

/** The CloudWatch namespace of every DynamoDB metric. */
export const DYNAMODB_NAMESPACE = "AWS/DynamoDB";

/**
 * The AWS managed SNS key, by alias (`aws/sns`, `alias/aws/sns`) or alias ARN: CloudWatch cannot
 * publish to a topic encrypted with it (docs/decisions/alarms-and-metrics.md, "The alarm topic").
 * A key ARN alone does not say whose key it is.
 */
export function isAwsManagedSnsKeyAlias(key: string): boolean {
  return key === "aws/sns" || /(^|[:/])alias\/aws\/sns$/.test(key);
}

/** Every alarm of the monitoring stack evaluates one-minute datapoints. */
export const ALARM_PERIOD_SECONDS = 60;

/**
 * Extra minutes each alarm evaluates beyond those that must breach, so a datapoint FILL() saw late
 * still counts (docs/decisions/alarms-and-metrics.md, "M out of N, with two spare minutes").
 */
export const LATE_DATAPOINT_ALLOWANCE = 2;

/** The minutes that must breach (M), as the alarm's evaluation periods (N). */
export function evaluationPeriodsFor(datapointsToAlarm: number): number {
  return datapointsToAlarm + LATE_DATAPOINT_ALLOWANCE;
}

/**
 * DynamoDB publishes SystemErrors only per (TableName, Operation), so an alarm on TableName alone
 * never fires, and metric math over the operations is capped at 10 metrics per alarm. A Metrics
 * Insights query sums every operation of the table in one alarm.
 */
export function systemErrorsQuery(physicalTableName: string): string {
  return `SELECT SUM(SystemErrors) FROM SCHEMA("${DYNAMODB_NAMESPACE}", Operation, TableName) WHERE TableName = '${physicalTableName}'`;
}

/** Monitoring config keys (project namespace `dynamodb-monitoring`) and their documented defaults. */
export const SYSTEM_ERRORS_THRESHOLD_KEY = "systemErrorsThreshold";
export const SYSTEM_ERRORS_DATAPOINTS_KEY = "systemErrorsDatapoints";
export const USER_ERRORS_THRESHOLD_KEY = "userErrorsThreshold";
export const ALARM_TOPIC_KMS_KEY_ARN_KEY = "alarmTopicKmsKeyArn";
/** SDKs retry 5xx errors, so one error in one minute is not an incident. */
export const DEFAULT_SYSTEM_ERRORS_THRESHOLD = 1;
export const DEFAULT_SYSTEM_ERRORS_DATAPOINTS = 3;

/** The mission's rule: more than 5 user errors (HTTP 400) a minute... */
export const DEFAULT_USER_ERRORS_THRESHOLD = 5;
/** ...and one such minute is an incident. */
export const USER_ERRORS_DATAPOINTS = 1;
