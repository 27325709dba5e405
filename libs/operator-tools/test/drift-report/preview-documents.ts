/**
 * `pulumi preview --refresh --expect-no-changes --json` documents of the monitoring stack, in the
 * engine's PreviewDigest shape (pulumi/pulumi pkg/backend/display/json.go, ShowPreviewDigest):
 * the root stack as a `same` step; a refresh that found the resource as recorded as a `refresh`
 * step; a refresh that found a difference rewritten to `update` (drifted properties in
 * detailedDiff) or `delete` (the resource is gone), followed by the program's step that puts it back.
 */
const urn = (type: string, name: string) => `urn:pulumi:prod::dynamodb-monitoring::${type}::${name}`;
const STACK = urn("pulumi:pulumi:Stack", "dynamodb-monitoring-prod");
const EVENTS_ALARM = urn("dynamodb-platform:monitoring:DynamoDbAlarms$aws:cloudwatch/metricAlarm:MetricAlarm", "systemerrors-events-prod");
const USERS_ALARM = urn("dynamodb-platform:monitoring:DynamoDbAlarms$aws:cloudwatch/metricAlarm:MetricAlarm", "systemerrors-users-prod");
const TOPIC_POLICY = urn("dynamodb-platform:monitoring:DynamoDbAlarms$aws:sns/topicPolicy:TopicPolicy", "alarms-dynamodb-prod");

/** Nothing changed outside the code. */
export const CLEAN = {
  config: { "aws:region": "ap-southeast-2" },
  steps: [
    { op: "same", urn: STACK },
    { op: "refresh", urn: EVENTS_ALARM },
    { op: "refresh", urn: USERS_ALARM },
  ],
  changeSummary: { same: 10 },
};

/** A console edit of one alarm's threshold, and the alarm topic's policy deleted by hand. */
export const DRIFTED = {
  config: { "aws:region": "ap-southeast-2" },
  steps: [
    { op: "same", urn: STACK },
    { op: "update", urn: EVENTS_ALARM, diffReasons: ["threshold"], detailedDiff: { threshold: { kind: "update", inputDiff: false } } },
    { op: "refresh", urn: USERS_ALARM },
    { op: "delete", urn: TOPIC_POLICY },
    { op: "update", urn: EVENTS_ALARM, diffReasons: ["threshold"], detailedDiff: { threshold: { kind: "update", inputDiff: true } } },
    { op: "create", urn: TOPIC_POLICY },
  ],
  changeSummary: { same: 8, update: 1, create: 1 },
};
