import type { DataStackOutputs } from "./contract";

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
