import { DATA_STACK_KEY_SPEC, readDataStackName } from "@dynamodb-platform/platform";
import {
  ALARM_TOPIC_KMS_KEY_ARN_KEY,
  ConfigError,
  DEFAULT_SYSTEM_ERRORS_DATAPOINTS,
  DEFAULT_SYSTEM_ERRORS_THRESHOLD,
  DEFAULT_USER_ERRORS_THRESHOLD,
  ENVIRONMENT_SUFFIX_KEY_SPEC,
  LATE_DATAPOINT_ALLOWANCE,
  REGION_KEY_SPEC,
  SYSTEM_ERRORS_DATAPOINTS_KEY,
  SYSTEM_ERRORS_THRESHOLD_KEY,
  USER_ERRORS_DATAPOINTS,
  USER_ERRORS_THRESHOLD_KEY,
  optionalPositiveNumber,
  optionalStringList,
  pulumiConfigSource,
  qualifiedKey,
  readEnvironmentSuffix,
  readRegion,
  type ConfigSource,
  type StackConfigKeys,
} from "@dynamodb-platform/platform";
import { MANDATORY_TAG_KEY_SPECS, readMandatoryTags, type MandatoryTags } from "@dynamodb-platform/tags";
import { MAX_METRICS_INSIGHTS_DATAPOINTS, validateMetricsInsightsWindow } from "./alarms/evaluation-window";
import { validateAlarmTopicKmsKeyArn } from "./topic/kms-key-arn";

const ALARM_EMAILS_KEY = "alarmEmails";

/** Every key the monitoring stack reads (the configuration reference lists them; others stop the run). */
export const MONITORING_CONFIG_KEYS: StackConfigKeys = [
  REGION_KEY_SPEC,
  ENVIRONMENT_SUFFIX_KEY_SPEC,
  ...MANDATORY_TAG_KEY_SPECS,
  DATA_STACK_KEY_SPEC,
  {
    key: SYSTEM_ERRORS_THRESHOLD_KEY,
    type: "positive number",
    default: String(DEFAULT_SYSTEM_ERRORS_THRESHOLD),
    description: "Each table's SystemErrors alarm fires when the server errors (HTTP 500) of a minute exceed this.",
    invalid: { value: "0", error: "'0' is not a positive number" },
  },
  {
    key: SYSTEM_ERRORS_DATAPOINTS_KEY,
    type: `positive whole number, at most ${MAX_METRICS_INSIGHTS_DATAPOINTS}`,
    default: String(DEFAULT_SYSTEM_ERRORS_DATAPOINTS),
    description: `Minutes that must breach, among the last (this + ${LATE_DATAPOINT_ALLOWANCE}), so a late datapoint cannot hide an incident. A Metrics Insights alarm sees only the latest 3 hours, hence the upper bound.`,
    invalid: { value: "1.5", error: "'1.5' is not a positive whole number" },
  },
  {
    key: USER_ERRORS_THRESHOLD_KEY,
    type: "positive number",
    default: String(DEFAULT_USER_ERRORS_THRESHOLD),
    description: `The account-wide UserErrors alarm fires when the client errors (HTTP 400) of a minute exceed this, in ${USER_ERRORS_DATAPOINTS} of the last ${USER_ERRORS_DATAPOINTS + LATE_DATAPOINT_ALLOWANCE} minutes.`,
    invalid: { value: "-1", error: "'-1' is not a positive number" },
  },
  {
    key: ALARM_EMAILS_KEY,
    type: "list of e-mail addresses",
    default: "[]",
    description: "Each address is subscribed to the alarm topic (SNS sends a confirmation e-mail first).",
    invalid: { value: '["oncall-at-example.com"]', error: "'oncall-at-example.com' is not an e-mail address" },
  },
  {
    key: ALARM_TOPIC_KMS_KEY_ARN_KEY,
    type: "KMS key ARN in the stack's region, never aws/sns",
    default: "no encryption",
    description: "Encrypts the alarm topic with the organisation's customer managed key, whose policy must let CloudWatch use it.",
    invalid: { value: "alias/aws/sns", error: "'alias/aws/sns' is the AWS managed key aws/sns" },
  },
];

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
  /** The account-wide UserErrors alarm fires when the errors per minute exceed this. */
  readonly userErrorsThreshold: number;
  readonly alarmEmails: readonly string[];
  /** The organisation's customer managed key for the alarm topic; absent: no encryption. */
  readonly alarmTopicKmsKeyArn?: string;
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

function readAlarmEmails(source: ConfigSource): string[] {
  const key = ALARM_EMAILS_KEY;
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

export function readMonitoringStackConfig(source: ConfigSource = pulumiConfigSource(MONITORING_CONFIG_KEYS)): MonitoringStackConfig {
  const region = readRegion(source);
  const alarmTopicKmsKeyArn = readAlarmTopicKmsKeyArn(source, region);
  return {
    region,
    environmentSuffix: readEnvironmentSuffix(source),
    tags: readMandatoryTags(source),
    dataStack: readDataStackName(source),
    systemErrorsThreshold: optionalPositiveNumber(source, SYSTEM_ERRORS_THRESHOLD_KEY, DEFAULT_SYSTEM_ERRORS_THRESHOLD),
    systemErrorsDatapoints: readSystemErrorsDatapoints(source),
    userErrorsThreshold: optionalPositiveNumber(source, USER_ERRORS_THRESHOLD_KEY, DEFAULT_USER_ERRORS_THRESHOLD),
    alarmEmails: readAlarmEmails(source),
    ...(alarmTopicKmsKeyArn ? { alarmTopicKmsKeyArn } : {}),
  };
}
