import { ConfigError, isAwsManagedSnsKeyAlias } from "@dynamodb-platform/platform";

/** `arn:<partition>:kms:<region>:<account>:key/<key id>`, single- or multi-Region (`mrk-`) key. */
const KEY_ARN = /^arn:aws(?:-[a-z]+)*:kms:([a-z0-9-]+):(\d{12}):key\/((?:mrk-[0-9a-f]{32})|(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))$/;

const EXAMPLE = "arn:aws:kms:ap-southeast-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/**
 * The organisation's customer managed key for the alarm topic; never aws/sns, which CloudWatch
 * cannot use (docs/decisions/alarms-and-metrics.md, "The alarm topic"). Only a key ARN is
 * accepted: an alias can be re-pointed, and `aws/sns` is an alias.
 */
export function validateAlarmTopicKmsKeyArn(key: string, value: string, region: string): string {
  if (isAwsManagedSnsKeyAlias(value)) {
    throw new ConfigError(
      key,
      `'${value}' is the AWS managed key aws/sns, which CloudWatch alarms cannot publish through`,
      "Remove the key (the topic is then not encrypted, the default) or give the ARN of a customer managed key whose policy lets cloudwatch.amazonaws.com use it (docs/decisions/alarms-and-metrics.md, \"The alarm topic\", has the key policy statement)",
    );
  }
  const match = KEY_ARN.exec(value);
  if (!match) {
    throw new ConfigError(key, `'${value}' is not a KMS key ARN`, `Use the key's ARN, e.g. ${EXAMPLE} (not an alias or a key id)`);
  }
  if (match[1] !== region) {
    throw new ConfigError(key, `the key is in ${match[1]}, the topic in ${region}`, `Use a key in ${region}: KMS keys are regional`);
  }
  return value;
}
