export { ConfigError } from "./config-error";
export { pulumiConfigSource, qualifiedKey, qualify, type ConfigSource } from "./config-source";
export {
  requireText,
  requireBoolean,
  optionalPositiveNumber,
  optionalStringList,
} from "./readers";
export {
  ENVIRONMENT_SUFFIX_KEY,
  MAX_ENVIRONMENT_SUFFIX_LENGTH,
  readEnvironmentSuffix,
  validateEnvironmentSuffix,
} from "./environment-suffix";
export { DEFAULT_REGION, readRegion } from "./region";
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
export { StackFileError, readStackFiles, type StackFiles } from "./stack-files";
