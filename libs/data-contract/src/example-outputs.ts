import { PRODUCTION_TABLE_KEYS, type DataStackOutputs } from "./contract";

export interface ExampleOutputsOptions {
  /** Physical table names by logical key. */
  readonly tableNames: Readonly<Record<string, string>>;
  /** Logical keys of the tables that have a stream. */
  readonly streams?: readonly string[];
  readonly region?: string;
  readonly accountId?: string;
}

/**
 * Outputs of a deployed data stack, shaped exactly as the contract says: for tests and plans of
 * the stacks that read the data stack, which must not run or import the data stack's code.
 */
export function exampleDataStackOutputs(options: ExampleOutputsOptions): DataStackOutputs {
  const region = options.region ?? "ap-southeast-2";
  const accountId = options.accountId ?? "123456789012";
  const arn = (name: string) => `arn:aws:dynamodb:${region}:${accountId}:table/${name}`;
  const entries = Object.entries(options.tableNames);
  return {
    tableNames: { ...options.tableNames },
    tableArns: Object.fromEntries(entries.map(([key, name]) => [key, arn(name)])),
    streamArns: Object.fromEntries(
      (options.streams ?? []).map((key) => [key, `${arn(options.tableNames[key])}/stream/2026-01-01T00:00:00.000`]),
    ),
  };
}

/**
 * The production tables as a data stack of the given name exports them: `prod` adopts the exact
 * names, any other stack suffixes them (`events-dev`); only events has a stream.
 */
export function exampleOutputsForStack(stack: string): DataStackOutputs {
  const name = (table: string): string => (stack === "prod" ? table : `${table}-${stack}`);
  return exampleDataStackOutputs({
    tableNames: Object.fromEntries(PRODUCTION_TABLE_KEYS.map((table) => [table, name(table)])),
    streams: ["events"],
  });
}
