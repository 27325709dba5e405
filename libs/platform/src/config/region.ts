import { ConfigError } from "./config-error";
import type { ConfigSource } from "./config-source";
import type { ConfigKeySpec } from "./declared-keys";

const DEFAULT_REGION = "ap-southeast-2";
const REGION_KEY = "aws:region";
const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/**
 * `aws:region`, written once per environment in stacks/environments/<stack>.yaml. The AWS
 * provider does not read that file: in a running program, the provider's own region (AWS_REGION)
 * must be the same, or nothing is declared (docs/decisions/environment-config.md).
 */
export function readRegion(source: ConfigSource): string {
  const value = source.get(REGION_KEY);
  if (value === undefined) {
    throw new ConfigError(
      REGION_KEY,
      "it is missing",
      `Set it once for the environment in stacks/environments/<stack>.yaml (aws:region: ${DEFAULT_REGION})`,
    );
  }
  if (!REGION_PATTERN.test(value)) {
    throw new ConfigError(REGION_KEY, `'${value}' is not an AWS region name`, `Use e.g. ${DEFAULT_REGION}`);
  }
  if (source.providerRegion) {
    const providerRegion = source.providerRegion();
    if (providerRegion !== value) {
      throw new ConfigError(
        REGION_KEY,
        providerRegion === undefined
          ? `the environment's region is ${value}, and the AWS provider has none`
          : `the environment's region is ${value}, and the AWS provider's is ${providerRegion}`,
        `Run 'export AWS_REGION=${value}' first (the provider and the state backend read it)`,
      );
    }
  }
  return value;
}

export const REGION_KEY_SPEC: ConfigKeySpec = {
  key: REGION_KEY,
  type: "AWS region name",
  default: "required",
  description: "Region of every resource of the environment; the AWS provider and the state backend take it from `AWS_REGION`, which must be the same.",
  invalid: { value: "Sydney", error: "'Sydney' is not an AWS region name" },
};
