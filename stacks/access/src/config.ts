import { readDataStackName } from "@dynamodb-platform/data-contract";
import {
  pulumiConfigSource,
  readEnvironmentSuffix,
  readRegion,
  type ConfigSource,
} from "@dynamodb-platform/stack-config";
import { readMandatoryTags, type MandatoryTags } from "@dynamodb-platform/tags";
import { readTrustedPrincipals, type TrustedPrincipals } from "./trusted-principals";

export interface AccessStackConfig {
  readonly region: string;
  readonly environmentSuffix: string;
  readonly tags: MandatoryTags;
  readonly dataStack: string;
  /** undefined: not configured, the deploying account's root is trusted. */
  readonly trustedPrincipals: TrustedPrincipals | undefined;
}

export function readAccessStackConfig(source: ConfigSource = pulumiConfigSource()): AccessStackConfig {
  return {
    region: readRegion(source),
    environmentSuffix: readEnvironmentSuffix(source),
    tags: readMandatoryTags(source),
    dataStack: readDataStackName(source),
    trustedPrincipals: readTrustedPrincipals(source),
  };
}
