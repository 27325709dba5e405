import { ConfigError, optionalStringList, qualifiedKey, type ConfigSource } from "@dynamodb-platform/platform";

/** Who may assume a role: IAM principals (account roots, roles) or AWS services. */
export interface TrustedPrincipals {
  readonly aws: readonly string[];
  readonly services: readonly string[];
}

const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_ROOT = /^arn:aws[a-z-]*:iam::\d{12}:root$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\x21-\x7E]+\/)?[\w+=,.@-]{1,64}$/;
const SERVICE = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/;

export const TRUSTED_PRINCIPALS_KEY = "trustedPrincipals";

/**
 * `trustedPrincipals`: a list of 12-digit account ids, account root ARNs, role ARNs or service
 * principals (`lambda.amazonaws.com`). Never `*`. Empty or absent gives `undefined`: the
 * deploying account's root (see accountRoot), so IAM policies in that account decide.
 */
export function readTrustedPrincipals(source: ConfigSource): TrustedPrincipals | undefined {
  const key = qualifiedKey(source, TRUSTED_PRINCIPALS_KEY);
  const entries = optionalStringList(source, TRUSTED_PRINCIPALS_KEY);
  if (entries.length === 0) return undefined;
  const aws: string[] = [];
  const services: string[] = [];
  for (const entry of entries) {
    if (entry.includes("*")) {
      throw new ConfigError(key, `'${entry}' is a wildcard`, "A trust policy must name who may assume the role: list account ids, role ARNs or service principals");
    }
    if (ACCOUNT_ID.test(entry)) aws.push(`arn:aws:iam::${entry}:root`);
    else if (ACCOUNT_ROOT.test(entry) || ROLE_ARN.test(entry)) aws.push(entry);
    else if (SERVICE.test(entry)) services.push(entry);
    else {
      throw new ConfigError(
        key,
        `'${entry}' is not an account id, IAM role ARN or service principal`,
        "Use e.g. 123456789012, arn:aws:iam::123456789012:role/analytics-ingest or lambda.amazonaws.com",
      );
    }
  }
  if (new Set([...aws, ...services]).size !== aws.length + services.length) {
    throw new ConfigError(key, "a principal is listed twice", "List each principal once");
  }
  return { aws, services };
}

export function accountRoot(accountId: string): TrustedPrincipals {
  return { aws: [`arn:aws:iam::${accountId}:root`], services: [] };
}
