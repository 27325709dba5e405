import { ConfigError, qualifiedKey, type ConfigSource } from "../config";
import {
  DATA_LOSS_ACCEPTED_KEY,
  DATA_LOSS_PROPERTIES,
  isDataLossProperty,
  type DataLossAccepted,
  type DataLossProperty,
} from "./data-loss";

const EXAMPLE = `pulumi config set --path '${DATA_LOSS_ACCEPTED_KEY}.sessions[0]' globalSecondaryIndexes`;

/**
 * Reads the data stack's `dataLossAccepted` map (table key → list of DATA_LOSS_PROPERTIES names).
 * Absent means nothing is accepted. An unknown table or property is an error, so a typo can never
 * silently fail to accept (or, worse, look like it accepts) a change.
 */
export function readDataLossAccepted(source: ConfigSource, tableKeys: readonly string[]): DataLossAccepted {
  const raw = source.get(DATA_LOSS_ACCEPTED_KEY);
  if (raw === undefined) return {};
  const key = qualifiedKey(source, DATA_LOSS_ACCEPTED_KEY);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(key, `'${raw}' is not a map of table to a list of properties`, `Write it as a YAML map, e.g. '${EXAMPLE}'`);
  }
  const accepted: Record<string, DataLossProperty[]> = {};
  for (const [table, properties] of Object.entries(parsed)) {
    if (!tableKeys.includes(table)) {
      throw new ConfigError(key, `'${table}' is not a table of this stack`, `Use one of ${tableKeys.join(", ")}`);
    }
    if (!Array.isArray(properties) || !properties.every((p): p is string => typeof p === "string")) {
      throw new ConfigError(key, `the entry for '${table}' is not a list of property names`, `Write it as a YAML list, e.g. '${EXAMPLE}'`);
    }
    const unknown = properties.filter((property) => !isDataLossProperty(property));
    if (unknown.length > 0) {
      throw new ConfigError(
        key,
        `'${unknown.join(", ")}' (table '${table}') is not a property whose change loses data`,
        `Use any of ${Object.keys(DATA_LOSS_PROPERTIES).join(", ")}`,
      );
    }
    accepted[table] = properties as DataLossProperty[];
  }
  return accepted;
}

/**
 * The stack-file lines that accept `accepted`, as the guard and the adoption report print them
 * (the same YAML the reader above takes), properties in DATA_LOSS_PROPERTIES order.
 */
export function dataLossAcceptedLines(project: string, accepted: DataLossAccepted): string[] {
  const order = Object.keys(DATA_LOSS_PROPERTIES);
  return [
    `  ${project}:${DATA_LOSS_ACCEPTED_KEY}:`,
    ...Object.entries(accepted)
      .filter(([, properties]) => properties.length > 0)
      .map(([table, properties]) => `    ${table}: [${[...new Set(properties)].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(", ")}]`),
  ];
}
