import { ConfigError, qualifiedKey, type ConfigSource } from "@dynamodb-platform/platform";

export const STATE_BUCKET_NAME_KEY = "stateBucketName";

// S3 general purpose bucket naming rules (Amazon S3 User Guide, "Bucket naming rules"): 3-63
// characters, lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.
// Dots are refused too: they break virtual-hosted TLS certificates, and the bucket policy requires TLS.
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** Default name: unique per account and region, as S3 bucket names are global. */
export function defaultStateBucketName(accountId: string, region: string): string {
  return `pulumi-state-${accountId}-${region}`;
}

export function readStateBucketName(source: ConfigSource): string | undefined {
  const value = source.get(STATE_BUCKET_NAME_KEY);
  if (value === undefined) return undefined;
  if (!BUCKET_NAME.test(value) || value.includes("--") || value.startsWith("xn--") || value.endsWith("-s3alias")) {
    throw new ConfigError(
      qualifiedKey(source, STATE_BUCKET_NAME_KEY),
      `'${value}' is not a usable S3 bucket name`,
      "Use 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit, or remove the key for pulumi-state-<account>-<region>",
    );
  }
  return value;
}
