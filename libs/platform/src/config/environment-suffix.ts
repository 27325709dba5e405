import { ConfigError } from "./config-error";
import { qualifiedKey, type ConfigSource } from "./config-source";
import type { ConfigKeySpec } from "./declared-keys";
import { requireText } from "./readers";

/**
 * The longest name derived from the suffix is an IAM role, `dynamodb-sessions-<suffix>-write-role`
 * (29 characters around the suffix), and IAM allows 64. 32 leaves room for a longer table name.
 */
export const MAX_ENVIRONMENT_SUFFIX_LENGTH = 32;

export const ENVIRONMENT_SUFFIX_KEY = "environmentSuffix";

const SUFFIX_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function validateEnvironmentSuffix(value: string, key: string): string {
  if (value.length > MAX_ENVIRONMENT_SUFFIX_LENGTH) {
    throw new ConfigError(
      key,
      `'${value}' is ${value.length} characters long`,
      `Use at most ${MAX_ENVIRONMENT_SUFFIX_LENGTH}, so that every derived name (IAM roles allow 64) fits`,
    );
  }
  if (!SUFFIX_PATTERN.test(value)) {
    throw new ConfigError(
      key,
      `'${value}' is not allowed`,
      "Use lowercase letters, digits and single hyphens inside (e.g. dev, pr-42)",
    );
  }
  return value;
}

export function readEnvironmentSuffix(source: ConfigSource): string {
  const value = requireText(source, ENVIRONMENT_SUFFIX_KEY, "dev");
  return validateEnvironmentSuffix(value, qualifiedKey(source, ENVIRONMENT_SUFFIX_KEY));
}

export const ENVIRONMENT_SUFFIX_KEY_SPEC: ConfigKeySpec = {
  key: ENVIRONMENT_SUFFIX_KEY,
  type: `lowercase words joined by single hyphens, at most ${MAX_ENVIRONMENT_SUFFIX_LENGTH} characters`,
  default: "required",
  description:
    "Ends every name: `{resource-type}-{tableName}-{environmentSuffix}` (`systemerrors-events-dev`), new tables `{table}-{environmentSuffix}` (adopted tables keep their names), roles through the table name. " +
    "32 keeps the longest derived name, the IAM role `dynamodb-sessions-{suffix}-write-role`, within IAM's 64 characters.",
  invalid: { value: "Prod_1", error: "'Prod_1' is not allowed" },
};
