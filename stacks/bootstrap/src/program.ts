import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import {
  ACCESS_BOUNDARY_POLICY_NAME,
  DEPLOY_ROLE_VARIABLES,
  PIPELINE_STACKS,
  PREVIEW_ROLE_VARIABLE,
  ROLE_SESSION_SECONDS,
  STATE_BACKEND_VARIABLE,
  type PipelineStack,
} from "@dynamodb-platform/platform";
import { PLATFORM_PREVIEW_ROLE_NAME, platformDeployRoleName } from "@dynamodb-platform/platform";
import { tagEveryResource } from "@dynamodb-platform/tags";
import { GithubRole } from "./components/github-role";
import { StateBucket } from "./components/state-bucket";
import { readBootstrapConfig } from "./config";
import { deployEnvironmentSubject, driftCheckSubject, GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_URL, pullRequestSubject } from "./github";
import { accessBoundaryPolicy } from "./policies/access-boundary";
import { accessDeployPolicy } from "./policies/access-deploy";
import { policyArn, type Account } from "./policies/arns";
import { dataDeployPolicy } from "./policies/data-deploy";
import type { PolicyDocument } from "@dynamodb-platform/access-policy";
import { monitoringDeployPolicy } from "./policies/monitoring-deploy";
import { previewPolicy } from "./policies/preview";
import { bucketArn, stateBackendUrl, type StateBucket as StateBucketRef } from "./policies/state";
import { defaultStateBucketName } from "./state-bucket-name";

/** The outputs are exactly the GitHub repository variables the workflow reads, under their names. */
export type BootstrapExports = Record<string, pulumi.Output<string> | string>;

/** Once per account, by hand: the identities CI uses and the state bucket. */
export async function bootstrapProgram(): Promise<BootstrapExports> {
  const config = readBootstrapConfig();
  tagEveryResource(config.tags);
  const [{ accountId }, { partition }] = await Promise.all([aws.getCallerIdentity(), aws.getPartition()]);
  const account: Account = { partition, accountId };
  const bucket: StateBucketRef = { partition, name: config.stateBucketName ?? defaultStateBucketName(accountId, config.region) };
  const served = config.servedStacks;

  const state = new StateBucket("pulumi-state", { bucketName: bucket.name, bucketArn: bucketArn(bucket) });
  const providerArn: pulumi.Input<string> =
    config.githubOidcProviderArn ??
    new aws.iam.OpenIdConnectProvider("github-actions", { url: GITHUB_OIDC_URL, clientIdLists: [GITHUB_OIDC_AUDIENCE] }).arn;

  const boundaryArn = policyArn(account, ACCESS_BOUNDARY_POLICY_NAME);
  const boundary = new aws.iam.Policy("access-boundary", {
    name: ACCESS_BOUNDARY_POLICY_NAME,
    description: "Permissions boundary of the access stack's roles: DynamoDB data access to the platform's tables only",
    policy: JSON.stringify(accessBoundaryPolicy(account, served)),
  });

  const pullRequests = [pullRequestSubject(config.githubRepository)];
  const deploys = [deployEnvironmentSubject(config.githubRepository)];
  const role = (
    name: string,
    roleName: string,
    description: string,
    subjects: string[],
    policy: PolicyDocument,
    maxSessionDuration: number,
    dependsOn: pulumi.Resource[] = [],
  ) => new GithubRole(name, { roleName, description, providerArn, subjects, policy, maxSessionDuration }, { dependsOn: [state, ...dependsOn] }).role;

  // Pull requests preview; the post-deploy verify job runs in the deploy environment with the same
  // read-only role, a subject that already holds deploy rights, so trusting it widens nothing. The
  // nightly drift check runs on the main branch without an environment (no reviewer holds it):
  // only workflows merged to main present that subject, and this role only reads.
  const preview = role(
    "preview",
    PLATFORM_PREVIEW_ROLE_NAME,
    "Read-only: pulumi preview of the DynamoDB platform stacks and npm run verify",
    [...pullRequests, ...deploys, driftCheckSubject(config.githubRepository)],
    previewPolicy(account, bucket, served),
    ROLE_SESSION_SECONDS.preview,
  );
  const deployPolicies: Record<PipelineStack, () => PolicyDocument> = {
    data: () => dataDeployPolicy(account, bucket, served),
    monitoring: () => monitoringDeployPolicy(account, bucket, served),
    access: () => accessDeployPolicy(account, bucket, served, boundaryArn),
  };
  const deployRoles = Object.fromEntries(
    PIPELINE_STACKS.map((stack) => [
      stack,
      role(
        `deploy-${stack}`,
        platformDeployRoleName(stack),
        `Deploys the DynamoDB platform's ${stack} stack, and nothing else`,
        deploys,
        deployPolicies[stack](),
        ROLE_SESSION_SECONDS[stack],
        stack === "access" ? [boundary] : [],
      ),
    ]),
  ) as Record<PipelineStack, aws.iam.Role>;

  return {
    [PREVIEW_ROLE_VARIABLE]: preview.arn,
    ...Object.fromEntries(PIPELINE_STACKS.map((stack) => [DEPLOY_ROLE_VARIABLES[stack], deployRoles[stack].arn])),
    [STATE_BACKEND_VARIABLE]: stateBackendUrl(bucket),
  };
}
