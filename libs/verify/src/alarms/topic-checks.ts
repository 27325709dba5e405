import { isAwsManagedSnsKeyAlias } from "@dynamodb-platform/stack-config";
import { GetTopicAttributesCommand, paginateListSubscriptionsByTopic, type SNSClient, type Subscription } from "@aws-sdk/client-sns";
import { awsCall } from "@dynamodb-platform/live-account";
import { compare, verdict, type Check } from "../check";
import type { MonitoringConfig } from "./monitoring-config";
import { cloudWatchPublish } from "./topic-policy";

/** The alarms that publish to the topic, by name, with their ARNs (the stack's outputs). */
export type PublishingAlarms = Readonly<Record<string, string>>;


function policyCheck(subject: string, policyJson: string | undefined, topicArn: string, alarms: PublishingAlarms): Check {
  const account = topicArn.split(":")[4] ?? "";
  const problems = Object.entries(alarms).flatMap(([name, arn]) => {
    const answer = cloudWatchPublish(policyJson, topicArn, { "aws:SourceAccount": account, "aws:SourceArn": arn });
    if (answer === "allowed") return [];
    return [answer === "not-allowed" ? `${name}: not allowed` : `${name}: allowed without aws:SourceAccount and aws:SourceArn conditions`];
  });
  return verdict(
    "alarms",
    subject,
    "topic policy",
    problems.length === 0,
    `cloudwatch.amazonaws.com may sns:Publish for each alarm, on aws:SourceAccount ${account} and aws:SourceArn`,
    problems.length === 0 ? `allowed for ${Object.keys(alarms).length} alarms, with both conditions` : problems.join("; "),
  );
}

/**
 * The alarm topic: CloudWatch must be able to publish to it. Encryption must be what the stack's
 * config says: none by default, or the organisation's customer managed key. Never the AWS managed
 * key aws/sns, whose policy does not let CloudWatch use it and cannot be edited (AWS re:Post
 * knowledge center, "cloudwatch-configure-alarm-sns"). The topic policy must let
 * cloudwatch.amazonaws.com publish for each of the stack's alarms, on its confused-deputy conditions.
 */
export async function topicChecks(sns: SNSClient, topicArn: string, alarms: PublishingAlarms, config: MonitoringConfig): Promise<Check[]> {
  const attributes = (await awsCall(`GetTopicAttributes ${topicArn}`, () => sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn })))).Attributes ?? {};
  const key = attributes["KmsMasterKeyId"];
  const subscriptions: Subscription[] = [];
  await awsCall(`ListSubscriptionsByTopic ${topicArn}`, async () => {
    for await (const page of paginateListSubscriptionsByTopic({ client: sns }, { TopicArn: topicArn })) subscriptions.push(...(page.Subscriptions ?? []));
  });
  const subject = topicArn.split(":").pop() ?? topicArn;
  const expectedKey = config.alarmTopicKmsKeyArn ? `KmsMasterKeyId ${config.alarmTopicKmsKeyArn}` : "no SSE";
  const liveKey = key ? `KmsMasterKeyId ${key}` : "no SSE";
  const checks: Check[] = [
    key && isAwsManagedSnsKeyAlias(key)
      ? verdict("alarms", subject, "topic encryption", false, `${expectedKey} (never alias/aws/sns: CloudWatch cannot use it)`, liveKey)
      : compare("alarms", subject, "topic encryption", expectedKey, liveKey),
    policyCheck(subject, attributes["Policy"], topicArn, alarms),
  ];
  if (subscriptions.length === 0) {
    checks.push({ area: "alarms", subject, check: "subscriptions", status: "unverified", expected: "confirmed subscriptions", actual: "none: nobody is notified" });
  }
  for (const subscription of subscriptions) {
    const pending = subscription.SubscriptionArn === "PendingConfirmation";
    checks.push(
      verdict("alarms", subject, `subscription ${subscription.Protocol} ${subscription.Endpoint}`, !pending, "confirmed", pending ? "PendingConfirmation" : "confirmed"),
    );
  }
  return checks;
}
