import { readDataStackName } from "@dynamodb-platform/data-contract";
import {
  ConfigError,
  optionalPositiveNumber,
  optionalStringList,
  pulumiConfigSource,
  qualifiedKey,
  readEnvironmentSuffix,
  readRegion,
  type ConfigSource,
} from "@dynamodb-platform/stack-config";
import { readMandatoryTags, type MandatoryTags } from "@dynamodb-platform/tags";

/** Documented defaults: SDKs retry 5xx errors, so one error in one minute is not an incident. */
export const DEFAULT_SYSTEM_ERRORS_THRESHOLD = 1;
export const DEFAULT_SYSTEM_ERRORS_DATAPOINTS = 3;

export interface MonitoringStackConfig {
  readonly region: string;
  readonly environmentSuffix: string;
  readonly tags: MandatoryTags;
  /** Fully qualified name of the data stack to read. */
  readonly dataStack: string;
  /** SystemErrors alarms fire when the errors per minute exceed this... */
  readonly systemErrorsThreshold: number;
  /** ...in this many consecutive minutes. */
  readonly systemErrorsDatapoints: number;
  readonly alarmEmails: readonly string[];
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

export function readMonitoringStackConfig(source: ConfigSource = pulumiConfigSource()): MonitoringStackConfig {
  return {
    region: readRegion(source),
    environmentSuffix: readEnvironmentSuffix(source),
    tags: readMandatoryTags(source),
    dataStack: readDataStackName(source),
    systemErrorsThreshold: optionalPositiveNumber(source, "systemErrorsThreshold", DEFAULT_SYSTEM_ERRORS_THRESHOLD),
    systemErrorsDatapoints: optionalPositiveNumber(source, "systemErrorsDatapoints", DEFAULT_SYSTEM_ERRORS_DATAPOINTS, {
      integer: true,
    }),
    alarmEmails: readAlarmEmails(source),
  };
}
