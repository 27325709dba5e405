/**
 * Settings every AWS SDK v3 client of the tools uses: the stack's region, credentials from the
 * default provider chain (env, profile, SSO, web identity in CI), and the SDK's own retries with
 * exponential backoff, in adaptive mode so throttling slows the client down before it gives up.
 * (AWS SDK for JavaScript v3 developer guide, "Retry strategy": `retryMode` "adaptive".)
 * The moto tiers pass "standard": the same attempts without adaptive mode's client-side limiter waits.
 */
export type RetryMode = "adaptive" | "standard";

export interface AwsClientConfig {
  readonly region: string;
  readonly maxAttempts: number;
  readonly retryMode: RetryMode;
}

const MAX_ATTEMPTS = 8;

export function awsClientConfig(region: string, retryMode: RetryMode = "adaptive"): AwsClientConfig {
  return { region, maxAttempts: MAX_ATTEMPTS, retryMode };
}
