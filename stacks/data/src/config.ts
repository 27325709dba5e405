import { ADOPT_EXISTING_TABLES_KEY, EXISTING_CONTRIBUTOR_INSIGHTS_KEY } from "@dynamodb-platform/platform";
import {
  ConfigError,
  ENVIRONMENT_SUFFIX_KEY_SPEC,
  REGION_KEY_SPEC,
  optionalStringList,
  pulumiConfigSource,
  qualifiedKey,
  readEnvironmentSuffix,
  readRegion,
  requireBoolean,
  type ConfigSource,
  type StackConfigKeys,
} from "@dynamodb-platform/platform";
import { MANDATORY_TAG_KEY_SPECS, readMandatoryTags, type MandatoryTags } from "@dynamodb-platform/tags";
import { DATA_LOSS_ACCEPTED_KEY, DATA_LOSS_PROPERTIES, readDataLossAccepted, type DataLossAccepted, type TableSpec } from "@dynamodb-platform/platform";
import { ADOPTION_STEP_KEY, ADOPTION_STEPS, isAdoptionStep, type AdoptionStep } from "./adoption/adoption-steps";

/** Every key the data stack reads (the configuration reference lists them; others stop the run). */
export const DATA_CONFIG_KEYS: StackConfigKeys = [
  REGION_KEY_SPEC,
  ENVIRONMENT_SUFFIX_KEY_SPEC,
  ...MANDATORY_TAG_KEY_SPECS,
  {
    key: ADOPT_EXISTING_TABLES_KEY,
    type: "boolean",
    default: "required",
    description: "true: adopt the existing tables named exactly after their keys (events, sessions, users), each imported by name; false: create `{table}-{environmentSuffix}`.",
    invalid: { value: "yes", error: "'yes' is not a boolean" },
  },
  {
    key: ADOPTION_STEP_KEY,
    type: `one of ${ADOPTION_STEPS.join(", ")}`,
    default: "required when adoptExistingTables is true; refused otherwise",
    description: "Which `pulumi up` of the adoption this is; advanced after each successful deploy.",
    invalid: { value: "later", error: "'later' is not an adoption step" },
  },
  {
    key: DATA_LOSS_ACCEPTED_KEY,
    type: "map of table to a list of properties",
    default: "nothing accepted",
    description: `Changes that lose data which the operator accepts for one deploy, by table: ${Object.keys(DATA_LOSS_PROPERTIES).join(", ")}.`,
    invalid: { value: '{"orders":["name"]}', error: "'orders' is not a table of this stack" },
  },
  {
    key: EXISTING_CONTRIBUTOR_INSIGHTS_KEY,
    type: "list of table keys",
    default: "[]",
    description: "Adopted tables whose contributor insights rule already runs in AWS: imported (id `name:{table}/index:/{account}`, the provider's format), not created. Only with adoptExistingTables true.",
    invalid: { value: "events", error: "'events' is not a list of strings" },
  },
];

export interface DataStackConfig {
  readonly region: string;
  readonly environmentSuffix: string;
  readonly tags: MandatoryTags;
  /** true in prod: adopt the existing `events`, `sessions`, `users` tables by name. */
  readonly adoptExistingTables: boolean;
  /** Which adoption `pulumi up` this is; `complete` for stacks that create their tables. */
  readonly adoptionStep: AdoptionStep;
  /** Read here so that a bad acknowledgement stops `pulumi up` with the guard's named error; the guard judges by it. */
  readonly dataLossAccepted: DataLossAccepted;
  /** Tables whose contributor insights rule already runs in AWS: imported, not created. */
  readonly existingContributorInsights: readonly string[];
}

function readAdoptionStep(source: ConfigSource, adoptExistingTables: boolean): AdoptionStep {
  const value = source.get(ADOPTION_STEP_KEY);
  const key = qualifiedKey(source, ADOPTION_STEP_KEY);
  if (!adoptExistingTables) {
    if (value !== undefined) {
      throw new ConfigError(key, "it applies only when adoptExistingTables is true", "Remove it: new tables are created complete");
    }
    return "complete";
  }
  if (value === undefined || !isAdoptionStep(value)) {
    throw new ConfigError(
      key,
      value === undefined ? "it is missing" : `'${value}' is not an adoption step`,
      `Use ${ADOPTION_STEPS.join(", ")} in that order, one 'pulumi up' each (docs/runbooks/adoption.md)`,
    );
  }
  return value;
}

function readExistingContributorInsights(source: ConfigSource, adoptExistingTables: boolean, specs: readonly TableSpec[]): string[] {
  const tables = optionalStringList(source, EXISTING_CONTRIBUTOR_INSIGHTS_KEY);
  const key = qualifiedKey(source, EXISTING_CONTRIBUTOR_INSIGHTS_KEY);
  if (tables.length > 0 && !adoptExistingTables) {
    throw new ConfigError(key, "it applies only when adoptExistingTables is true", "Remove it");
  }
  // Only an adopted table can have a rule already running.
  const withInsights = specs.filter((spec) => spec.contributorInsights && spec.existsInProduction).map((spec) => spec.key);
  for (const table of tables) {
    if (!withInsights.includes(table)) {
      throw new ConfigError(key, `'${table}' is not an existing table with contributor insights`, `Use only ${withInsights.join(", ") || "nothing"}`);
    }
  }
  return tables;
}

export function readDataStackConfig(specs: readonly TableSpec[], source: ConfigSource = pulumiConfigSource(DATA_CONFIG_KEYS)): DataStackConfig {
  const adoptExistingTables = requireBoolean(source, ADOPT_EXISTING_TABLES_KEY);
  return {
    region: readRegion(source),
    environmentSuffix: readEnvironmentSuffix(source),
    tags: readMandatoryTags(source),
    adoptExistingTables,
    adoptionStep: readAdoptionStep(source, adoptExistingTables),
    dataLossAccepted: readDataLossAccepted(source, specs.map((spec) => spec.key)),
    existingContributorInsights: readExistingContributorInsights(source, adoptExistingTables, specs),
  };
}
