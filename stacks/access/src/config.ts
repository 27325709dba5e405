import { DATA_STACK_KEY_SPEC, readDataStackName } from "@dynamodb-platform/platform";
import {
  ENVIRONMENT_SUFFIX_KEY_SPEC,
  REGION_KEY_SPEC,
  pulumiConfigSource,
  readEnvironmentSuffix,
  readRegion,
  type ConfigSource,
  type StackConfigKeys,
} from "@dynamodb-platform/platform";
import { MANDATORY_TAG_KEY_SPECS, readMandatoryTags, type MandatoryTags } from "@dynamodb-platform/tags";
import { TRUSTED_PRINCIPALS_KEY, readTrustedPrincipals, type TrustedPrincipals } from "./trusted-principals";

/** Every key the access stack reads (the configuration reference lists them; others stop the run). */
export const ACCESS_CONFIG_KEYS: StackConfigKeys = [
  REGION_KEY_SPEC,
  ENVIRONMENT_SUFFIX_KEY_SPEC,
  ...MANDATORY_TAG_KEY_SPECS,
  DATA_STACK_KEY_SPEC,
  {
    key: TRUSTED_PRINCIPALS_KEY,
    type: "list of account ids, account root or role ARNs, service principals; never *",
    default: "this account's root (IAM policies in the account decide)",
    description: "Who may assume the six roles.",
    invalid: { value: '["*"]', error: "'*' is a wildcard" },
  },
];

export interface AccessStackConfig {
  readonly region: string;
  readonly environmentSuffix: string;
  readonly tags: MandatoryTags;
  readonly dataStack: string;
  /** undefined: not configured, the deploying account's root is trusted. */
  readonly trustedPrincipals: TrustedPrincipals | undefined;
}

export function readAccessStackConfig(source: ConfigSource = pulumiConfigSource(ACCESS_CONFIG_KEYS)): AccessStackConfig {
  return {
    region: readRegion(source),
    environmentSuffix: readEnvironmentSuffix(source),
    tags: readMandatoryTags(source),
    dataStack: readDataStackName(source),
    trustedPrincipals: readTrustedPrincipals(source),
  };
}
