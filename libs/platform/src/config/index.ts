export { ConfigError } from "./config-error";
export { engineConfig, qualifiedKey, qualify, type ConfigSource } from "./config-source";
export { pulumiConfigSource } from "./program-config";
export { referenceSection, renderKeyTable } from "./config-reference";
export {
  nearestKey,
  refuseUnknownKeys,
  stackFileKeys,
  type ConfigKeySpec,
  type StackConfigKeys,
} from "./declared-keys";
export {
  requireText,
  requireBoolean,
  optionalPositiveNumber,
  optionalStringList,
} from "./readers";
export {
  ENVIRONMENT_SUFFIX_KEY,
  ENVIRONMENT_SUFFIX_KEY_SPEC,
  MAX_ENVIRONMENT_SUFFIX_LENGTH,
  readEnvironmentSuffix,
} from "./environment-suffix";
export { REGION_KEY_SPEC, readRegion } from "./region";
export {
  ACCESS_KINDS,
  ACCESS_ROLE_NAME,
  ACCOUNT_WIDE,
  PLATFORM_PREVIEW_ROLE_NAME,
  PLATFORM_ROLE_NAME,
  accessRoleName,
  alarmTopicName,
  dashboardName,
  platformDeployRoleName,
  resourceName,
  systemErrorsAlarmName,
  userErrorsAlarmName,
  type AccessKind,
} from "./naming";
export { ENVIRONMENT_KEYS, StackFileError, environmentFileOf, fileConfigSource, readStackFiles, type StackFiles } from "./stack-files";
export {
  ALARM_PERIOD_SECONDS,
  ALARM_TOPIC_KMS_KEY_ARN_KEY,
  DEFAULT_SYSTEM_ERRORS_DATAPOINTS,
  DEFAULT_SYSTEM_ERRORS_THRESHOLD,
  LATE_DATAPOINT_ALLOWANCE,
  SYSTEM_ERRORS_DATAPOINTS_KEY,
  SYSTEM_ERRORS_THRESHOLD_KEY,
  DEFAULT_USER_ERRORS_THRESHOLD,
  USER_ERRORS_DATAPOINTS,
  USER_ERRORS_THRESHOLD_KEY,
  DYNAMODB_NAMESPACE,
  evaluationPeriodsFor,
  isAwsManagedSnsKeyAlias,
  systemErrorsQuery,
} from "./monitoring-alarms";
export { DYNAMODB_STREAM_OPERATIONS, DYNAMODB_TABLE_OPERATIONS } from "./dynamodb-operations";
