import { ADOPT_EXISTING_TABLES_KEY } from "@dynamodb-platform/data-contract";
import {
  pulumiConfigSource,
  readEnvironmentSuffix,
  readRegion,
  requireBoolean,
  type ConfigSource,
} from "@dynamodb-platform/stack-config";
import { readMandatoryTags, type MandatoryTags } from "@dynamodb-platform/tags";

export interface DataStackConfig {
  readonly region: string;
  readonly environmentSuffix: string;
  readonly tags: MandatoryTags;
  /** true in prod: adopt the existing `events`, `sessions`, `users` tables by name. */
  readonly adoptExistingTables: boolean;
}

export function readDataStackConfig(source: ConfigSource = pulumiConfigSource()): DataStackConfig {
  return {
    region: readRegion(source),
    environmentSuffix: readEnvironmentSuffix(source),
    tags: readMandatoryTags(source),
    adoptExistingTables: requireBoolean(source, ADOPT_EXISTING_TABLES_KEY),
  };
}
