import { readDataStackName } from "@dynamodb-platform/data-contract";
import {
  ALARM_TOPIC_KMS_KEY_ARN_KEY,
  ConfigError,
  DEFAULT_SYSTEM_ERRORS_DATAPOINTS,
  DEFAULT_SYSTEM_ERRORS_THRESHOLD,
  SYSTEM_ERRORS_DATAPOINTS_KEY,
  SYSTEM_ERRORS_THRESHOLD_KEY,
  optionalPositiveNumber,
  optionalStringList,
  pulumiConfigSource,
  qualifiedKey,
  readEnvironmentSuffix,
  readRegion,
  type ConfigSource,
} from "@dynamodb-platform/stack-config";
import { readMandatoryTags, type MandatoryTags } from "@dynamodb-platform/tags";
import { validateMetricsInsightsWindow } from "./alarms/evaluation-window";
import { validateAlarmTopicKmsKeyArn } from "./topic/kms-key-arn";

export interface MonitoringStackConfig {
  readonly region: string;
  readonly environmentSuffix: string;
  readonly tags: MandatoryTags;
  /** Fully qualified name of the data stack to read. */
  readonly dataStack: string;
  /** SystemErrors alarms fire when the errors per minute exceed this... */
  readonly systemErrorsThreshold: number;
  /** ...in this many of the last (this + 2) minutes (M out of N, for late datapoints). */
  readonly systemErrorsDatapoints: number;
  readonly alarmEmails: readonly string[];
  /** The organisation's customer managed key for the alarm topic; absent: no encryption. */
  readonly alarmTopicKmsKeyArn?: string;
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

function readAlarmEmails(source: ConfigSource): string[] {
  const key = "alarmEmails";
  const emails = optionalStringList(source, key);
  for (const email of emails) {
    if (!EMAIL.test(email)) {
      throw new ConfigError(qualifiedKey(source, key), `'${email}' is not an e-mail address`, "Use addresses like oncall@example.com");
    }
  }
  if (new Set(emails.map((email) => email.toLowerCase())).size !== emails.length) {
    throw new ConfigError(qualifiedKey(source, key), "an address is listed twice", "List each address once");
  }
  return emails;
}

function readAlarmTopicKmsKeyArn(source: ConfigSource, region: string): string | undefined {
  const key = ALARM_TOPIC_KMS_KEY_ARN_KEY;
  const value = source.get(key);
  return value === undefined ? undefined : validateAlarmTopicKmsKeyArn(qualifiedKey(source, key), value.trim(), region);
}

function readSystemErrorsDatapoints(source: ConfigSource): number {
  const key = SYSTEM_ERRORS_DATAPOINTS_KEY;
  const datapoints = optionalPositiveNumber(source, key, DEFAULT_SYSTEM_ERRORS_DATAPOINTS, { integer: true });
  return validateMetricsInsightsWindow(qualifiedKey(source, key), datapoints);
}

export function readMonitoringStackConfig(source: ConfigSource = pulumiConfigSource()): MonitoringStackConfig {
  const region = readRegion(source);
  const alarmTopicKmsKeyArn = readAlarmTopicKmsKeyArn(source, region);
  return {
    region,
    environmentSuffix: readEnvironmentSuffix(source),
    tags: readMandatoryTags(source),
    dataStack: readDataStackName(source),
    systemErrorsThreshold: optionalPositiveNumber(source, SYSTEM_ERRORS_THRESHOLD_KEY, DEFAULT_SYSTEM_ERRORS_THRESHOLD),
    systemErrorsDatapoints: readSystemErrorsDatapoints(source),
    alarmEmails: readAlarmEmails(source),
    ...(alarmTopicKmsKeyArn ? { alarmTopicKmsKeyArn } : {}),
  };
}
