import type * as aws from "@pulumi/aws";

/** What the topic policy is built from; all plain strings, resolved before the document is made. */
export interface AlarmTopicPolicyInputs {
  readonly topicArn: string;
  readonly accountId: string;
  readonly partition: string;
  /** ARNs of the alarms allowed to publish: this stack's alarms, and nothing else. */
  readonly alarmArns: readonly string[];
}

/**
 * What the account owner keeps on its own topic: the management actions of SNS's default topic
 * policy, except Publish, which only CloudWatch gets here (docs/decisions/alarms-and-metrics.md).
 */
const OWNER_ACTIONS = [
  "SNS:GetTopicAttributes",
  "SNS:SetTopicAttributes",
  "SNS:AddPermission",
  "SNS:RemovePermission",
  "SNS:DeleteTopic",
  "SNS:Subscribe",
  "SNS:ListSubscriptionsByTopic",
] as const;

/**
 * The topic's access policy: CloudWatch may publish only for this account and this stack's alarms
 * (aws:SourceAccount, aws:SourceArn); the owner keeps management; requests without TLS are denied.
 * Sources: docs/decisions/alarms-and-metrics.md, "The alarm topic".
 */
export function alarmTopicPolicy(inputs: AlarmTopicPolicyInputs): aws.iam.PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AccountOwnerManagesTopic",
        Effect: "Allow",
        Principal: { AWS: `arn:${inputs.partition}:iam::${inputs.accountId}:root` },
        Action: [...OWNER_ACTIONS],
        Resource: inputs.topicArn,
      },
      {
        Sid: "CloudWatchAlarmsOfThisStackPublish",
        Effect: "Allow",
        Principal: { Service: "cloudwatch.amazonaws.com" },
        Action: "SNS:Publish",
        Resource: inputs.topicArn,
        Condition: {
          StringEquals: { "aws:SourceAccount": inputs.accountId },
          ArnLike: { "aws:SourceArn": [...inputs.alarmArns] },
        },
      },
      {
        Sid: "DenyRequestsWithoutTls",
        Effect: "Deny",
        Principal: "*",
        Action: ["SNS:Publish", ...OWNER_ACTIONS],
        Resource: inputs.topicArn,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  };
}

/** The ARN CloudWatch gives an alarm: known from its name, so the policy exists before the alarms. */
export function alarmArn(partition: string, region: string, accountId: string, alarmName: string): string {
  return `arn:${partition}:cloudwatch:${region}:${accountId}:alarm:${alarmName}`;
}
