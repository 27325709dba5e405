import { CONTRIBUTOR_INSIGHTS_MODES, DATA_STACK_OUTPUT_NAMES, type ContributorInsightsMode, type DataStackOutputs, type TableMap } from "./contract";

export class DataStackOutputError extends Error {
  constructor(stackName: string, problem: string) {
    super(`Data stack '${stackName}' ${problem}`);
    this.name = "DataStackOutputError";
  }
}

const TABLE_ARN = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/([A-Za-z0-9_.-]{3,255})$/;
const STREAM_ARN = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/([A-Za-z0-9_.-]{3,255})\/stream\/\S+$/;

function asTableMap(stackName: string, output: string, value: unknown): TableMap {
  const isMap =
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string");
  if (!isMap) {
    throw new DataStackOutputError(stackName, `output '${output}' is not an object of strings keyed by table`);
  }
  return value as TableMap;
}

const isContributorInsightsMode = (value: string): value is ContributorInsightsMode =>
  (CONTRIBUTOR_INSIGHTS_MODES as readonly string[]).includes(value);

/**
 * Checks that the data stack's outputs hang together before any resource is built from them:
 * every table has a name and a table ARN naming that table, every stream belongs to a table, and
 * every contributor insights mode belongs to a table and is one DynamoDB knows.
 */
export function validateDataStackOutputs(stackName: string, raw: Record<string, unknown>): DataStackOutputs {
  const [tableNames, tableArns, streamArns, contributorInsightsModes] = DATA_STACK_OUTPUT_NAMES.map((name) =>
    asTableMap(stackName, name, raw[name]),
  );
  const tables = Object.keys(tableNames);
  if (tables.length === 0) {
    throw new DataStackOutputError(stackName, "exports no tables in 'tableNames'");
  }
  for (const table of tables) {
    const arn = tableArns[table];
    const match = arn === undefined ? null : TABLE_ARN.exec(arn);
    if (!match || match[1] !== tableNames[table]) {
      throw new DataStackOutputError(
        stackName,
        `output 'tableArns.${table}' (${String(arn)}) is not the ARN of table '${tableNames[table]}'`,
      );
    }
  }
  for (const [table, arn] of Object.entries(streamArns)) {
    const match = STREAM_ARN.exec(arn);
    if (!(table in tableNames) || !match || match[1] !== tableNames[table]) {
      throw new DataStackOutputError(
        stackName,
        `output 'streamArns.${table}' (${arn}) is not a stream of an exported table`,
      );
    }
  }
  const modes: Record<string, ContributorInsightsMode> = {};
  for (const [table, mode] of Object.entries(contributorInsightsModes)) {
    if (!(table in tableNames) || !isContributorInsightsMode(mode)) {
      throw new DataStackOutputError(
        stackName,
        `output 'contributorInsightsModes.${table}' (${mode}) is not the contributor insights mode (${CONTRIBUTOR_INSIGHTS_MODES.join(" or ")}) of an exported table`,
      );
    }
    modes[table] = mode;
  }
  return { tableNames, tableArns, streamArns, contributorInsightsModes: modes };
}
