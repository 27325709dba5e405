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
 * policy (Amazon SNS Developer Guide, "Example cases for Amazon SNS access control"), except
 * Publish, which only CloudWatch gets here. Principals of the account still act through their
 * own IAM policies.
 */
export const OWNER_ACTIONS = [
  "SNS:GetTopicAttributes",
  "SNS:SetTopicAttributes",
  "SNS:AddPermission",
  "SNS:RemovePermission",
  "SNS:DeleteTopic",
  "SNS:Subscribe",
  "SNS:ListSubscriptionsByTopic",
] as const;

/**
 * The topic's access policy: CloudWatch may publish only on behalf of this account
 * (aws:SourceAccount) and only for this stack's alarms (aws:SourceArn), the confused-deputy
 * conditions AWS documents for service principals; the account owner keeps management; any
 * request without TLS is denied (aws:SecureTransport, Amazon SNS security best practices).
 * Sources for the CloudWatch statement: AWS re:Post knowledge center
 * "cloudwatch-receive-sns-for-alarm-trigger" (https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger:
 * Principal cloudwatch.amazonaws.com, sns:Publish, ArnLike aws:SourceArn = the alarm's ARN) and
 * the Amazon SNS Developer Guide, "Example cases for Amazon SNS access control", section
 * "aws:SourceAccount versus aws:SourceOwner" (https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html).
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
