import { ConfigError, qualifiedKey, requireText, type ConfigSource } from "@dynamodb-platform/platform";
import { DEPLOY_ENVIRONMENT, DRIFT_CHECK_BRANCH } from "@dynamodb-platform/platform";

export const GITHUB_REPOSITORY_KEY = "githubRepository";
export const GITHUB_OIDC_PROVIDER_KEY = "githubOidcProviderArn";

/** GitHub's token issuer; the `aud` AWS expects (GitHub docs, "Configuring OpenID Connect in Amazon Web Services", https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws). */
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
export const GITHUB_OIDC_URL = `https://${GITHUB_OIDC_HOST}`;
export const GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";

// GitHub: owner names are up to 39 letters, digits or single inner hyphens; repository names up to 100 of [A-Za-z0-9._-].
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9._-]{1,100}$/;
const PROVIDER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/;

/** `owner/name`; never a wildcard, which would let any repository's workflow assume the roles. */
export function readGithubRepository(source: ConfigSource): string {
  const key = qualifiedKey(source, GITHUB_REPOSITORY_KEY);
  const value = requireText(source, GITHUB_REPOSITORY_KEY, "my-org/dynamodb-platform");
  if (value.includes("*") || value.includes("?")) {
    throw new ConfigError(key, `'${value}' is a wildcard`, "Name exactly one repository (owner/name): every workflow of a matching repository could assume the roles");
  }
  if (!REPOSITORY.test(value) || value.endsWith("/.") || value.endsWith("/..")) {
    throw new ConfigError(key, `'${value}' is not a GitHub repository`, "Use owner/name as GitHub spells it, e.g. my-org/dynamodb-platform");
  }
  return value;
}

/** An existing provider's ARN (IAM holds one provider per URL and account), or undefined to create it. */
export function readGithubOidcProviderArn(source: ConfigSource): string | undefined {
  const value = source.get(GITHUB_OIDC_PROVIDER_KEY);
  if (value === undefined) return undefined;
  if (!PROVIDER_ARN.test(value)) {
    throw new ConfigError(
      qualifiedKey(source, GITHUB_OIDC_PROVIDER_KEY),
      `'${value}' is not the ARN of GitHub's OIDC provider`,
      `Use arn:aws:iam::<account-id>:oidc-provider/${GITHUB_OIDC_HOST}, or remove the key to create the provider`,
    );
  }
  return value;
}

/**
 * The `sub` claims GitHub puts in a job's token by default (GitHub docs, "OpenID Connect reference",
 * example subject claims, https://docs.github.com/en/actions/reference/security/oidc): `repo:<owner>/<repo>:pull_request` for a pull-request run, and
 * `repo:<owner>/<repo>:environment:<name>` for a job that names an environment (its branch is then
 * not in the subject, so an environment job never matches a branch subject).
 */
export function pullRequestSubject(repository: string): string {
  return `repo:${repository}:pull_request`;
}

export function deployEnvironmentSubject(repository: string): string {
  return `repo:${repository}:environment:${DEPLOY_ENVIRONMENT}`;
}

/** A job on the drift-check branch that names no environment: the scheduled drift check (`ref:refs/heads/<branch>`). */
export function driftCheckSubject(repository: string): string {
  return `repo:${repository}:ref:refs/heads/${DRIFT_CHECK_BRANCH}`;
}
