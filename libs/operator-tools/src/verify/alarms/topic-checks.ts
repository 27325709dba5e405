import { isAwsManagedSnsKeyAlias } from "@dynamodb-platform/platform";
import { GetTopicAttributesCommand, paginateListSubscriptionsByTopic, type SNSClient, type Subscription } from "@aws-sdk/client-sns";
import { awsCall, describeAwsError, isNotFound } from "../../live-account";
import { compare, verdict, type Check } from "../check";
import type { DeclaredTopic } from "@dynamodb-platform/offline-plan";
import { cloudWatchPublish } from "./topic-policy";

/** The alarms that publish to the topic, by name, with their ARNs (the stack's outputs). */
export type PublishingAlarms = Readonly<Record<string, string>>;


function policyCheck(subject: string, policyJson: string | undefined, topicArn: string, alarms: PublishingAlarms): Check {
  const account = topicArn.split(":")[4] ?? "";
  const problems = Object.entries(alarms).flatMap(([name, arn]) => {
    const answer = cloudWatchPublish(policyJson, topicArn, { "aws:SourceAccount": account, "aws:SourceArn": arn });
    if (answer === "allowed") return [];
    if (answer === "not-allowed") return [`${name}: not allowed`];
    if (answer === "allowed-to-anyone") return [`${name}: allowed to any principal ("*"), not to cloudwatch.amazonaws.com`];
    return [`${name}: allowed without ${answer.missing.join(" and ")} condition${answer.missing.length > 1 ? "s" : ""}`];
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
 * The alarm topic: CloudWatch must be able to publish to it. Encryption must be what the stack
 * declares: none by default, or the organisation's customer managed key. Never the AWS managed
 * key aws/sns, whose policy does not let CloudWatch use it and cannot be edited (AWS re:Post
 * knowledge center, "cloudwatch-configure-alarm-sns"). The topic policy must let
 * cloudwatch.amazonaws.com publish for each of the stack's alarms, on its confused-deputy conditions.
 */
export async function topicChecks(sns: SNSClient, topicArn: string, alarms: PublishingAlarms, declared: DeclaredTopic | undefined): Promise<Check[]> {
  const subject = topicArn.split(":").pop() ?? topicArn;
  let attributes: Record<string, string>;
  try {
    attributes = (await sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes ?? {};
  } catch (error) {
    // SNS answers NotFound (NotFoundException in the SDK v3) for a topic that does not exist.
    if (isNotFound(error)) return [verdict("alarms", subject, "topic exists", false, `the topic ${topicArn}`, "(not found)")];
    throw describeAwsError(error, `GetTopicAttributes ${topicArn}`);
  }
  const key = attributes["KmsMasterKeyId"];
  const subscriptions: Subscription[] = [];
  await awsCall(`ListSubscriptionsByTopic ${topicArn}`, async () => {
    for await (const page of paginateListSubscriptionsByTopic({ client: sns }, { TopicArn: topicArn })) subscriptions.push(...(page.Subscriptions ?? []));
  });
  const checks: Check[] = [compare("alarms", subject, "topic name", declared?.name ?? "(no topic declared)", subject)];
  const expectedKey = declared?.kmsMasterKeyId ? `KmsMasterKeyId ${declared.kmsMasterKeyId}` : "no SSE";
  const liveKey = key ? `KmsMasterKeyId ${key}` : "no SSE";
  checks.push(
    key && isAwsManagedSnsKeyAlias(key)
      ? verdict("alarms", subject, "topic encryption", false, `${expectedKey} (never alias/aws/sns: CloudWatch cannot use it)`, liveKey)
      : compare("alarms", subject, "topic encryption", expectedKey, liveKey),
    policyCheck(subject, attributes["Policy"], topicArn, alarms),
  );
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
