import { pulumiConfigSource, readRegion, type ConfigSource } from "@dynamodb-platform/stack-config";
import { readMandatoryTags, type MandatoryTags } from "@dynamodb-platform/tags";
import { readGithubOidcProviderArn, readGithubRepository } from "./github";
import { readServedStacks, type ServedStack } from "./served-stacks";
import { readStateBucketName } from "./state-bucket-name";

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
export function readBootstrapConfig(source: ConfigSource = pulumiConfigSource()): BootstrapConfig {
  return {
    region: readRegion(source),
    tags: readMandatoryTags(source),
    githubRepository: readGithubRepository(source),
    githubOidcProviderArn: readGithubOidcProviderArn(source),
    servedStacks: readServedStacks(source),
    stateBucketName: readStateBucketName(source),
  };
}
