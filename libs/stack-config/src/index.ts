export { ConfigError } from "./config-error";
export { pulumiConfigSource, qualifiedKey, type ConfigSource } from "./config-source";
export {
  requireText,
  optionalText,
  requireBoolean,
  optionalPositiveNumber,
  optionalStringList,
} from "./readers";
export {
  MAX_ENVIRONMENT_SUFFIX_LENGTH,
  readEnvironmentSuffix,
  validateEnvironmentSuffix,
} from "./environment-suffix";
export { DEFAULT_REGION, readRegion } from "./region";
export { resourceName } from "./naming";
