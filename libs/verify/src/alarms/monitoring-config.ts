import { stackConfigSource } from "@dynamodb-platform/live-account";
import {
  ALARM_TOPIC_KMS_KEY_ARN_KEY,
  DEFAULT_SYSTEM_ERRORS_DATAPOINTS,
  DEFAULT_SYSTEM_ERRORS_THRESHOLD,
  SYSTEM_ERRORS_DATAPOINTS_KEY,
  SYSTEM_ERRORS_THRESHOLD_KEY,
  optionalPositiveNumber,
  readEnvironmentSuffix,
} from "@dynamodb-platform/stack-config";

/** The monitoring stack's settings that decide what its alarms, topic and dashboard look like. */
export interface MonitoringConfig {
  readonly environmentSuffix: string;
  readonly systemErrorsThreshold: number;
  readonly systemErrorsDatapoints: number;
  /** The organisation's key for the alarm topic; absent: the topic is not encrypted. */
  readonly alarmTopicKmsKeyArn?: string;
}

/**
 * Reads `stacks/monitoring/Pulumi.<stack>.yaml` with the same keys, readers and defaults as the
 * stack (a bad value is the same named ConfigError). The stack validates the key ARN itself
 * before anything is deployed; here it is only the value the live topic must carry.
 */
export function readMonitoringConfig(stack: string, root?: string): MonitoringConfig {
  const source = stackConfigSource("monitoring", stack, root);
  const key = source.get(ALARM_TOPIC_KMS_KEY_ARN_KEY)?.trim();
  return {
    environmentSuffix: readEnvironmentSuffix(source),
    systemErrorsThreshold: optionalPositiveNumber(source, SYSTEM_ERRORS_THRESHOLD_KEY, DEFAULT_SYSTEM_ERRORS_THRESHOLD),
    systemErrorsDatapoints: optionalPositiveNumber(source, SYSTEM_ERRORS_DATAPOINTS_KEY, DEFAULT_SYSTEM_ERRORS_DATAPOINTS, { integer: true }),
    ...(key ? { alarmTopicKmsKeyArn: key } : {}),
  };
}
