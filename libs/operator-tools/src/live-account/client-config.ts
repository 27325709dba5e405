import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import type { RetryStrategyV2 } from "@smithy/types";

/**
 * Settings every AWS SDK v3 client of the tools uses: the stack's region, credentials from the
 * default provider chain (env, profile, SSO, web identity in CI), and the SDK's own retries with
 * exponential backoff, in adaptive mode so throttling slows the client down before it gives up.
 * (AWS SDK for JavaScript v3 developer guide, "Retry strategy": `retryMode` "adaptive".)
 *
 * "immediate" is for tests against a local endpoint (the moto tiers): the SDK's standard strategy
 * with the same attempts and retry quota, retrying at once, since its backoff (up to 1 s times
 * 2^attempt after a throttle, @smithy/core 3.41 retry `Retry.throttlingDelay`) would only be waited out.
 */
export type RetryMode = "adaptive" | "immediate";

export type AwsClientConfig =
  | { readonly region: string; readonly maxAttempts: number; readonly retryMode: "adaptive" }
  | { readonly region: string; readonly retryStrategy: RetryStrategyV2 };

const MAX_ATTEMPTS = 8;

export function awsClientConfig(region: string, retryMode: RetryMode = "adaptive"): AwsClientConfig {
  if (retryMode === "adaptive") return { region, maxAttempts: MAX_ATTEMPTS, retryMode };
  return { region, retryStrategy: new ConfiguredRetryStrategy(MAX_ATTEMPTS, 0) };
}
