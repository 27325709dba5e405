import { REGION_KEY_SPEC, pulumiConfigSource, readRegion, type ConfigSource, type StackConfigKeys } from "@dynamodb-platform/platform";
import { MANDATORY_TAG_KEY_SPECS, readMandatoryTags, type MandatoryTags } from "@dynamodb-platform/tags";
import { GITHUB_OIDC_PROVIDER_KEY, GITHUB_REPOSITORY_KEY, readGithubOidcProviderArn, readGithubRepository } from "./github";
import { SERVED_STACKS_KEY, readServedStacks, type ServedStack } from "./served-stacks";
import { STATE_BUCKET_NAME_KEY, readStateBucketName } from "./state-bucket-name";

/** Every key the bootstrap stack reads (the configuration reference lists them; others stop the run). */
export const BOOTSTRAP_CONFIG_KEYS: StackConfigKeys = [
  REGION_KEY_SPEC,
  ...MANDATORY_TAG_KEY_SPECS,
  {
    key: GITHUB_REPOSITORY_KEY,
    type: "GitHub repository owner/name, no wildcard",
    default: "required",
    description: "The repository whose workflow may assume the CI roles.",
    invalid: { value: "my-org/*", error: "'my-org/*' is a wildcard" },
  },
  {
    key: GITHUB_OIDC_PROVIDER_KEY,
    type: "ARN of GitHub's IAM OIDC provider",
    default: "the provider is created",
    description: "The account's existing GitHub OIDC provider (IAM allows one per URL).",
    invalid: { value: "arn:aws:iam::123456789012:oidc-provider/example.com", error: "'arn:aws:iam::123456789012:oidc-provider/example.com' is not the ARN of GitHub's OIDC provider" },
  },
  {
    key: SERVED_STACKS_KEY,
    type: "list of Pulumi stack names every project has",
    default: "required",
    description: "The stacks of the data, monitoring and access projects the roles serve in this account.",
    invalid: { value: '["staging"]', error: "'staging' has no Pulumi.staging.yaml" },
  },
  {
    key: STATE_BUCKET_NAME_KEY,
    type: "S3 bucket name: 3-63 lowercase letters, digits, inner hyphens",
    default: "pulumi-state-<account>-<region>",
    description: "The Pulumi state bucket.",
    invalid: { value: "Pulumi_State", error: "'Pulumi_State' is not a usable S3 bucket name" },
  },
];

export interface BootstrapConfig {
  readonly region: string;
  readonly tags: MandatoryTags;
  /** `owner/name` of the repository whose workflow assumes the roles. */
  readonly githubRepository: string;
  /** undefined: create GitHub's OIDC provider. */
  readonly githubOidcProviderArn: string | undefined;
  readonly servedStacks: readonly ServedStack[];
  /** undefined: `pulumi-state-<account>-<region>`, known once the account is. */
  readonly stateBucketName: string | undefined;
}

/** Every key is read and validated here, before the program declares anything. */
export function readBootstrapConfig(source: ConfigSource = pulumiConfigSource(BOOTSTRAP_CONFIG_KEYS)): BootstrapConfig {
  return {
    region: readRegion(source),
    tags: readMandatoryTags(source),
    githubRepository: readGithubRepository(source),
    githubOidcProviderArn: readGithubOidcProviderArn(source),
    servedStacks: readServedStacks(source),
    stateBucketName: readStateBucketName(source),
  };
}
