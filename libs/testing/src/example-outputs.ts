import type { ContributorInsightsMode, DataStackOutputs } from "@dynamodb-platform/platform";
import { readStackContext } from "@dynamodb-platform/platform";
import { MOCK_ACCOUNT_ID, MOCK_STREAM_LABEL } from "@dynamodb-platform/program-runner";

export interface ExampleOutputsOptions {
  /** Physical table names by logical key. */
  readonly tableNames: Readonly<Record<string, string>>;
  /** Logical keys of the tables that have a stream. */
  readonly streams?: readonly string[];
  /** The contributor insights mode of the tables that have a rule. */
  readonly contributorInsightsModes?: Readonly<Record<string, ContributorInsightsMode>>;
  readonly region?: string;
}

/**
 * Outputs of a deployed data stack, shaped exactly as the contract says and as the mock runtime
 * would compute them: for tests and plans of the stacks that read the data stack, which must not
 * run or import the data stack's code.
 */
export function exampleDataStackOutputs(options: ExampleOutputsOptions): DataStackOutputs {
  const region = options.region ?? "ap-southeast-2";
  const arn = (name: string) => `arn:aws:dynamodb:${region}:${MOCK_ACCOUNT_ID}:table/${name}`;
  const entries = Object.entries(options.tableNames);
  return {
    tableNames: { ...options.tableNames },
    tableArns: Object.fromEntries(entries.map(([key, name]) => [key, arn(name)])),
    streamArns: Object.fromEntries(
      (options.streams ?? []).map((key) => [key, `${arn(options.tableNames[key])}/stream/${MOCK_STREAM_LABEL}`]),
    ),
    contributorInsightsModes: { ...options.contributorInsightsModes },
  };
}

/**
 * What the data stack of that name exports, derived from its Pulumi.<stack>.yaml and the table
 * specs (names by the data stack's naming rule, streams and contributor insights where a spec declares them).
 */
export function exampleOutputsForStack(stack: string): DataStackOutputs {
  const context = readStackContext(stack);
  return exampleDataStackOutputs({
    tableNames: Object.fromEntries(context.tables.map((table) => [table.spec.key, table.physicalName])),
    streams: context.tables.filter((table) => table.spec.stream !== undefined).map((table) => table.spec.key),
    contributorInsightsModes: Object.fromEntries(
      context.tables.flatMap(({ spec }) => (spec.contributorInsights ? [[spec.key, spec.contributorInsights]] : [])),
    ),
    region: context.region,
  });
}
