import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alarmArn, alarmTopicPolicy } from "./alarm-topic-policy";

export interface AlarmTopicArgs {
  readonly topicName: string;
  readonly region: string;
  /** Names of the alarms that publish to the topic (their ARNs follow from the names). */
  readonly alarmNames: readonly string[];
  readonly alarmEmails: readonly string[];
  /** Prefix of the subscriptions' resource names (kept stable: a renamed one is re-created). */
  readonly subscriptionNamePrefix: string;
  /** A customer managed key of the organisation; absent: the topic is not encrypted. */
  readonly kmsKeyArn?: string;
}

export interface AlarmTopic {
  readonly topic: aws.sns.Topic;
  /** Alarms depend on it, so their first notification already finds CloudWatch allowed. */
  readonly policy: aws.sns.TopicPolicy;
}

/**
 * The SNS topic the alarms notify. Not encrypted by default: notifications carry alarm names and
 * numbers, no table data, and CloudWatch cannot publish to a topic encrypted with aws/sns.
 */
export function declareAlarmTopic(args: AlarmTopicArgs, parent: pulumi.Resource): AlarmTopic {
  const topic = new aws.sns.Topic(
    args.topicName,
    { name: args.topicName, ...(args.kmsKeyArn ? { kmsMasterKeyId: args.kmsKeyArn } : {}) },
    { parent },
  );
  const { accountId } = aws.getCallerIdentityOutput({}, { parent });
  const { partition } = aws.getPartitionOutput({}, { parent });
  const policy = new aws.sns.TopicPolicy(
    args.topicName,
    {
      arn: topic.arn,
      policy: pulumi.all([topic.arn, accountId, partition]).apply(([topicArn, account, awsPartition]) =>
        JSON.stringify(
          alarmTopicPolicy({
            topicArn,
            accountId: account,
            partition: awsPartition,
            alarmArns: args.alarmNames.map((name) => alarmArn(awsPartition, args.region, account, name)),
          }),
        ),
      ),
    },
    { parent: topic },
  );
  for (const email of args.alarmEmails) {
    new aws.sns.TopicSubscription(
      `${args.subscriptionNamePrefix}-${email}`,
      { topic: topic.arn, protocol: "email", endpoint: email },
      { parent: topic },
    );
  }
  return { topic, policy };
}
