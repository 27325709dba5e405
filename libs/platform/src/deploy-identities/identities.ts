/**
 * Who runs each Pulumi target of each stack: the one table the workflow, the bootstrap outputs,
 * the tests and docs/decisions/ci-identities.md all follow. A stack's `deploy` (and `refresh`/`destroy`, which write
 * its state and its resources) runs as that stack's own deploy role; every `preview` and the
 * post-deploy `verify` run as the read-only preview role. The roles are held in GitHub repository
 * variables, named here, which the bootstrap stack exports under exactly these names.
 */
export const PIPELINE_STACKS = ["data", "monitoring", "access"] as const;
export type PipelineStack = (typeof PIPELINE_STACKS)[number];

export const PULUMI_TARGETS = ["preview", "deploy", "refresh", "destroy", "drift"] as const;
export type PulumiTarget = (typeof PULUMI_TARGETS)[number];

/** Nx project and Pulumi project of each stack folder. */
export const STACK_PROJECTS: Readonly<Record<PipelineStack, { readonly nxProject: string; readonly pulumiProject: string }>> = {
  data: { nxProject: "@dynamodb-platform/data", pulumiProject: "dynamodb-data" },
  monitoring: { nxProject: "@dynamodb-platform/monitoring", pulumiProject: "dynamodb-monitoring" },
  access: { nxProject: "@dynamodb-platform/access", pulumiProject: "dynamodb-access" },
};

/** The GitHub environment whose protection rules gate every deploy; deploy roles trust only it. */
export const DEPLOY_ENVIRONMENT = "production";

/**
 * The branch whose scheduled workflow runs check the production stacks for drift. GitHub runs a
 * scheduled workflow on the default branch, and a job that names no environment presents
 * `repo:<owner>/<repo>:ref:refs/heads/<branch>` as its OIDC subject (GitHub docs, "OpenID Connect
 * reference", subject claims): no environment, so no required reviewer holds the nightly job.
 */
export const DRIFT_CHECK_BRANCH = "main";

export const PREVIEW_ROLE_VARIABLE = "AWS_PREVIEW_ROLE_ARN";
export const DEPLOY_ROLE_VARIABLES: Readonly<Record<PipelineStack, string>> = {
  data: "AWS_DATA_DEPLOY_ROLE_ARN",
  monitoring: "AWS_MONITORING_DEPLOY_ROLE_ARN",
  access: "AWS_ACCESS_DEPLOY_ROLE_ARN",
};
export const STATE_BACKEND_VARIABLE = "PULUMI_BACKEND_URL";

/**
 * The managed policy bootstrap creates in each account and the access stack attaches to every
 * role it creates as its permissions boundary; the access deploy role may create roles only with it.
 */
export const ACCESS_BOUNDARY_POLICY_NAME = "dynamodb-platform-access-boundary";

/** Every repository variable the workflow reads, i.e. every output of the bootstrap stack. */
export const REPOSITORY_VARIABLES: readonly string[] = [
  PREVIEW_ROLE_VARIABLE,
  ...PIPELINE_STACKS.map((stack) => DEPLOY_ROLE_VARIABLES[stack]),
  STATE_BACKEND_VARIABLE,
];

/** `preview` and `drift` (a preview against the live resources) read; the other targets change the stack's resources or its state. */
export function roleVariableFor(stack: PipelineStack, target: PulumiTarget): string {
  return target === "preview" || target === "drift" ? PREVIEW_ROLE_VARIABLE : DEPLOY_ROLE_VARIABLES[stack];
}

/**
 * A job on a GitHub-hosted runner runs at most 6 hours, then is cancelled (GitHub docs, "Actions
 * limits": job execution time, https://docs.github.com/en/actions/reference/limits).
 */
export const GITHUB_HOSTED_JOB_LIMIT_SECONDS = 6 * 3600;

/**
 * How long each CI role's credentials last: the role's MaxSessionDuration (bootstrap) and the
 * workflow's `role-duration-seconds` (aws-actions/configure-aws-credentials; both default to
 * 3,600 s: IAM User Guide, "Update the maximum session duration for a role", and the action's
 * README). The data deploy may run as long as the job; the others finish in minutes.
 */
export const ROLE_SESSION_SECONDS: Readonly<Record<PipelineStack | "preview", number>> = {
  preview: 3600,
  data: GITHUB_HOSTED_JOB_LIMIT_SECONDS,
  monitoring: 3600,
  access: 3600,
};
