import { ConfigError } from "./config-error";
import type { ConfigSource } from "./config-source";

const DEFAULT_REGION = "ap-southeast-2";
const REGION_KEY = "aws:region";
const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** `aws:region`, which the AWS provider also reads; every stack file sets it. */
export function readRegion(source: ConfigSource): string {
  const value = source.get(REGION_KEY);
  if (value === undefined) {
    throw new ConfigError(
      REGION_KEY,
      "it is missing",
      `Set it in Pulumi.<stack>.yaml or with 'pulumi config set aws:region ${DEFAULT_REGION}'`,
    );
  }
  if (!REGION_PATTERN.test(value)) {
    throw new ConfigError(REGION_KEY, `'${value}' is not an AWS region name`, `Use e.g. ${DEFAULT_REGION}`);
  }
  return value;
}
