import { isAwsManagedSnsKeyAlias } from "@dynamodb-platform/platform";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { TOPIC, violation, type PlatformPolicy } from "./rule";

export interface TopicKeyConfig {
  /**
   * Key ids or key ARNs of the AWS managed key aws/sns in the deploying accounts
   * (`aws kms describe-key --key-id alias/aws/sns`): a key ARN alone does not say whose key it is.
   */
  readonly awsManagedSnsKeys: string[];
}


/**
 * CloudWatch alarms cannot publish to a topic on the AWS managed key aws/sns, and the platform's
 * topics are the alarms' topics (docs/decisions/alarms-and-metrics.md, "The alarm topic").
 */
export const alarmTopicsNotOnAwsManagedKey: PlatformPolicy = {
  name: "alarm-topics-not-on-aws-managed-key",
  description: "No SNS topic (alarms notify the platform's topics) is encrypted with the AWS managed key aws/sns, by alias, alias ARN or key ARN: CloudWatch cannot publish to it.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { awsManagedSnsKeys: { type: "array", items: { type: "string" }, default: [] } },
  },
  validateResource: validateResourceOfType(aws.sns.Topic, (topic, args, reportViolation) => {
    const key = topic.kmsMasterKeyId;
    if (key === undefined) return;
    const { awsManagedSnsKeys } = args.getConfig<TopicKeyConfig>();
    const keyId = key.split("/").pop();
    const listed = awsManagedSnsKeys.some((managed) => managed === key || managed.split("/").pop() === keyId);
    if (isAwsManagedSnsKeyAlias(key) || listed) {
      reportViolation(violation(TOPIC, args.name, `is encrypted with the AWS managed key aws/sns (${key}), which CloudWatch alarms cannot publish through`, "remove kmsMasterKeyId (no encryption) or use a customer managed key whose policy lets cloudwatch.amazonaws.com call kms:GenerateDataKey* and kms:Decrypt"));
    }
  }),
};
