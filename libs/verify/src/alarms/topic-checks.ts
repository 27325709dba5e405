import { GetTopicAttributesCommand, paginateListSubscriptionsByTopic, type SNSClient, type Subscription } from "@aws-sdk/client-sns";
import { awsCall } from "@dynamodb-platform/live-account";
import { verdict, type Check } from "../check";

interface PolicyStatement {
  readonly Effect?: string;
  readonly Principal?: string | { readonly Service?: string | readonly string[] };
  readonly Action?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: unknown;
}

const list = (value: string | readonly string[] | undefined): readonly string[] => (value === undefined ? [] : typeof value === "string" ? [value] : value);

/** True when an Allow statement lets the CloudWatch service call sns:Publish on this topic. */
export function letsCloudWatchPublish(policyJson: string | undefined, topicArn: string): boolean {
  if (!policyJson) return false;
  const parsed = JSON.parse(policyJson) as { Statement?: PolicyStatement | PolicyStatement[] };
  const statements = parsed.Statement === undefined ? [] : Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
  return statements.some((statement) => {
    const services = typeof statement.Principal === "object" ? list(statement.Principal.Service) : [];
    const actions = list(statement.Action).map((action) => action.toLowerCase());
    const resources = list(statement.Resource);
    return (
      statement.Effect === "Allow" &&
      services.includes("cloudwatch.amazonaws.com") &&
      (actions.includes("sns:publish") || actions.includes("sns:*")) &&
      (resources.includes(topicArn) || resources.includes("*"))
    );
  });
}

const AWS_MANAGED_SNS_KEY = /(^|:)alias\/aws\/sns$/;

/**
 * The alarm topic: CloudWatch must be able to publish to it. A topic encrypted with the AWS
 * managed key aws/sns can never receive alarm notifications: that key's policy does not let
 * CloudWatch use it and cannot be edited (AWS re:Post knowledge center,
 * "cloudwatch-configure-alarm-sns"); the topic policy must allow cloudwatch.amazonaws.com
 * sns:Publish (knowledge center "cloudwatch-receive-sns-for-alarm-trigger").
 */
export async function topicChecks(sns: SNSClient, topicArn: string): Promise<Check[]> {
  const attributes = (await awsCall(`GetTopicAttributes ${topicArn}`, () => sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn })))).Attributes ?? {};
  const key = attributes["KmsMasterKeyId"];
  const subscriptions: Subscription[] = [];
  await awsCall(`ListSubscriptionsByTopic ${topicArn}`, async () => {
    for await (const page of paginateListSubscriptionsByTopic({ client: sns }, { TopicArn: topicArn })) subscriptions.push(...(page.Subscriptions ?? []));
  });
  const subject = topicArn.split(":").pop() ?? topicArn;
  const checks: Check[] = [
    verdict(
      "alarms",
      subject,
      "topic encryption",
      !key || !AWS_MANAGED_SNS_KEY.test(key),
      "no SSE, or a customer managed key whose policy lets CloudWatch use it (never alias/aws/sns)",
      key ? `KmsMasterKeyId ${key}` : "no SSE",
    ),
    verdict(
      "alarms",
      subject,
      "topic policy",
      letsCloudWatchPublish(attributes["Policy"], topicArn),
      "Allow cloudwatch.amazonaws.com sns:Publish on the topic",
      letsCloudWatchPublish(attributes["Policy"], topicArn) ? "allowed" : "no statement allows it",
    ),
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
