import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import type { Unwrap } from "@pulumi/pulumi";
import { DYNAMODB_NAMESPACE, describeDimensionSet, describePublishedSets, isPublishedDynamoDbMetric, publishedDimensionSets } from "./dynamodb-metrics";
import { parseInsightsQuery } from "./metrics-insights";
import { ALARM, violation, type PlatformPolicy } from "./rule";

interface WatchedMetric {
  readonly metricName: string;
  readonly namespace?: string;
  /** The dimension keys the alarm asks for; undefined when a query matches any dimension set. */
  readonly dimensionKeys?: readonly string[];
}

/** An alarm's inputs as the policy engine passes them (outputs already resolved). */
type AlarmProps = Unwrap<aws.cloudwatch.MetricAlarmArgs>;

/** Every metric an alarm reads: a plain metric, metrics of metric queries, Metrics Insights queries. */
function watchedMetrics(alarm: AlarmProps): WatchedMetric[] {
  const plain: WatchedMetric[] = alarm.metricName !== undefined
    ? [{ metricName: alarm.metricName, namespace: alarm.namespace, dimensionKeys: Object.keys(alarm.dimensions ?? {}) }]
    : [];
  const queried = (alarm.metricQueries ?? []).flatMap((query): WatchedMetric[] => {
    if (typeof query.metric?.metricName === "string") {
      return [{ metricName: query.metric.metricName, namespace: query.metric.namespace, dimensionKeys: Object.keys(query.metric.dimensions ?? {}) }];
    }
    const insights = typeof query.expression === "string" ? parseInsightsQuery(query.expression) : undefined;
    return insights ? [insights] : [];
  });
  return [...plain, ...queried];
}

/** DynamoDB never publishes these, so CloudWatch accepts such alarms and they never fire. */
export const alarmsOnPublishedMetrics: PlatformPolicy = {
  name: "alarms-on-published-dynamodb-metrics",
  description: "No alarm watches an AWS/DynamoDB metric by a dimension set DynamoDB never publishes (e.g. UserErrors by TableName, SystemErrors by TableName alone), as a plain metric, a metric query or a Metrics Insights SCHEMA.",
  enforcementLevel: "mandatory",
  validateResource: validateResourceOfType(aws.cloudwatch.MetricAlarm, (alarm, args, reportViolation) => {
    for (const { metricName, namespace, dimensionKeys } of watchedMetrics(alarm)) {
      if (dimensionKeys === undefined || namespace !== DYNAMODB_NAMESPACE) continue;
      if (!isPublishedDynamoDbMetric(metricName, dimensionKeys)) {
        const sets = describePublishedSets(metricName);
        const perOperation = publishedDimensionSets(metricName).some((set) => set.includes("Operation"));
        const everyOperation = perOperation
          ? `; to cover every operation in one alarm, use the Metrics Insights query SELECT SUM(${metricName}) FROM SCHEMA("${DYNAMODB_NAMESPACE}", Operation, TableName) WHERE TableName = '<table>'`
          : "";
        reportViolation(
          violation(
            ALARM,
            args.name,
            `watches ${metricName} by ${describeDimensionSet([...dimensionKeys].sort())}, which DynamoDB never publishes (it never fires)`,
            sets !== "" ? `watch it by ${sets}${everyOperation}` : "watch a metric DynamoDB publishes (AWS DynamoDB 'Metrics and dimensions')",
          ),
        );
      }
    }
  }),
};

/**
 * AWS (PutMetricAlarm, TreatMissingData): "Alarms that evaluate metrics in the AWS/DynamoDB
 * namespace always ignore missing data ... remain in their current state". DynamoDB publishes its
 * error metrics only in minutes with errors, so an alarm on the raw metric stays in ALARM after
 * an incident: no OK notification, and the next incident notifies nobody. The watched expression
 * must be FILL(...) over the DynamoDB data, so quiet minutes count.
 */
export const alarmsFillDynamoDbMetrics: PlatformPolicy = {
  name: "alarms-fill-dynamodb-metrics",
  description: "No alarm watches a raw AWS/DynamoDB metric or Metrics Insights query: it watches metric math FILL(...) over it, so it returns to OK.",
  enforcementLevel: "mandatory",
  validateResource: validateResourceOfType(aws.cloudwatch.MetricAlarm, (alarm, args, reportViolation) => {
    if (!watchedMetrics(alarm).some((metric) => metric.namespace === DYNAMODB_NAMESPACE)) return;
    const queries = alarm.metricQueries ?? [];
    const returned = queries.length === 1 ? queries : queries.filter((query) => query.returnData === true);
    const filled = returned.length === 1 && /^\s*FILL\s*\(/i.test(returned[0].expression ?? "");
    if (!filled) {
      reportViolation(violation(ALARM, args.name, "watches AWS/DynamoDB data directly, so it keeps its state on missing data and may never return to OK", "read the metric (or Metrics Insights query) in a metric query with returnData: false and watch the expression FILL(<id>, 0)"));
    }
  }),
};

export const alarmsHaveActions: PlatformPolicy = {
  name: "alarms-have-actions",
  description: "Every CloudWatch alarm notifies someone: it has at least one alarm action.",
  enforcementLevel: "mandatory",
  validateResource: validateResourceOfType(aws.cloudwatch.MetricAlarm, (alarm, args, reportViolation) => {
    if ((alarm.alarmActions ?? []).length === 0 || alarm.actionsEnabled === false) {
      reportViolation(violation(ALARM, args.name, "notifies nobody (no alarm actions, or actions disabled)", "set alarmActions (and okActions) to the alarm SNS topic's ARN"));
    }
  }),
};
