import { ConfigError, qualifiedKey, type ConfigSource } from "@dynamodb-platform/stack-config";
import { DATA_LOSS_ACCEPTED_KEY, DATA_LOSS_PROPERTIES, type DataLossProperty } from "@dynamodb-platform/table-specs";

/** Table key -> the data-loss properties the stack's config accepts for that table. */
export type Acknowledgements = ReadonlyMap<string, ReadonlySet<DataLossProperty>>;

const PROPERTIES = Object.keys(DATA_LOSS_PROPERTIES) as DataLossProperty[];
const EXAMPLE = `${DATA_LOSS_ACCEPTED_KEY}: { sessions: [globalSecondaryIndexes] }`;

function isProperty(value: unknown): value is DataLossProperty {
  return typeof value === "string" && (PROPERTIES as string[]).includes(value);
}

/**
 * The optional `dataLossAccepted` map of the data stack's config, validated against the table
 * keys and the data-loss properties; anything else is a ConfigError naming the key and the fix.
 */
export function readAcknowledgements(source: ConfigSource, tableKeys: readonly string[]): Acknowledgements {
  const key = qualifiedKey(source, DATA_LOSS_ACCEPTED_KEY);
  const raw = source.get(DATA_LOSS_ACCEPTED_KEY);
  if (raw === undefined) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = raw;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ConfigError(key, `'${raw}' is not a map of table to properties`, `Write it as a YAML map, e.g. ${EXAMPLE}`);
  }
  const accepted = new Map<string, ReadonlySet<DataLossProperty>>();
  for (const [table, properties] of Object.entries(parsed)) {
    if (!tableKeys.includes(table)) {
      throw new ConfigError(key, `'${table}' is not a table of this stack`, `Use one of ${tableKeys.join(", ")}`);
    }
    if (!Array.isArray(properties) || !properties.every(isProperty)) {
      throw new ConfigError(key, `${table}: ${JSON.stringify(properties)} is not a list of data-loss properties`, `List some of ${PROPERTIES.join(", ")}`);
    }
    accepted.set(table, new Set(properties));
  }
  return accepted;
}
