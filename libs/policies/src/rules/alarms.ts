import { ALARM, violation, type PlatformPolicy } from "./rule";

interface WatchedMetric {
  readonly metricName: string;
  readonly dimensions: Record<string, unknown>;
}

function watchedMetrics(props: Record<string, unknown>): WatchedMetric[] {
  const plain = typeof props["metricName"] === "string"
    ? [{ metricName: props["metricName"], dimensions: (props["dimensions"] ?? {}) as Record<string, unknown> }]
    : [];
  const queried = ((props["metricQueries"] ?? []) as { metric?: { metricName?: string; dimensions?: Record<string, unknown> } }[])
    .filter((query) => typeof query.metric?.metricName === "string")
    .map((query) => ({ metricName: query.metric!.metricName!, dimensions: query.metric!.dimensions ?? {} }));
  return [...plain, ...queried];
}

/** DynamoDB never publishes these, so CloudWatch accepts such alarms and they never fire. */
export const alarmsOnPublishedMetrics: PlatformPolicy = {
  name: "alarms-on-published-dynamodb-metrics",
  description: "No alarm watches UserErrors with a TableName dimension, or SystemErrors with TableName alone: DynamoDB never publishes them.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== ALARM) return;
    for (const { metricName, dimensions } of watchedMetrics(args.props)) {
      const keys = Object.keys(dimensions).sort();
      if (metricName === "UserErrors" && keys.includes("TableName")) {
        reportViolation(violation(args.type, args.name, "watches UserErrors per TableName, which DynamoDB never publishes (it never fires)", "alarm on UserErrors with no dimensions: one account-and-region alarm"));
      }
      if (metricName === "SystemErrors" && keys.length === 1 && keys[0] === "TableName") {
        reportViolation(violation(args.type, args.name, "watches SystemErrors by TableName alone, which DynamoDB never publishes (it never fires)", "use the Metrics Insights query SELECT SUM(SystemErrors) FROM SCHEMA(\"AWS/DynamoDB\", Operation, TableName) WHERE TableName = '<table>'"));
      }
    }
  },
};

export const alarmsHaveActions: PlatformPolicy = {
  name: "alarms-have-actions",
  description: "Every CloudWatch alarm notifies someone: it has at least one alarm action.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== ALARM) return;
    const actions = (args.props["alarmActions"] ?? []) as unknown[];
    if (actions.length === 0 || args.props["actionsEnabled"] === false) {
      reportViolation(violation(args.type, args.name, "notifies nobody (no alarm actions, or actions disabled)", "set alarmActions (and okActions) to the alarm SNS topic's ARN"));
    }
  },
};
