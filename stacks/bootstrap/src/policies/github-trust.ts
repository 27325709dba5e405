import type * as aws from "@pulumi/aws";
import { GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_HOST } from "../github";

/**
 * Trust for GitHub Actions' OIDC tokens of exactly the given `sub` claims. StringEquals, not
 * StringLike: no wildcard, so no other repository, branch, environment or event matches.
 * (GitHub docs, "Configuring OpenID Connect in Amazon Web Services": condition on
 * `token.actions.githubusercontent.com:aud` and `:sub`, https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws.)
 */
export function githubTrustPolicy(providerArn: string, subjects: readonly string[]): aws.iam.PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "GitHubActionsOidc",
        Effect: "Allow",
        Principal: { Federated: [providerArn] },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE,
            [`${GITHUB_OIDC_HOST}:sub`]: subjects.length === 1 ? subjects[0] : [...subjects],
          },
        },
      },
    ],
  };
}
