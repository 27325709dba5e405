import { readStackFiles } from "@dynamodb-platform/stack-config";
import { stackDir, type StackContext } from "@dynamodb-platform/live-account";

/**
 * What the monitoring stack's alarms must look like in AWS. Kept here, in one place, as the
 * platform's promise (README "The monitoring stack"), not read from the monitoring code.
 */
export interface AlarmExpectation {
  readonly name: string;
  /** Accepted shapes of the watched metric, as describeAlarmMetric prints them. */
  readonly metric: readonly string[];
  readonly threshold: string;
  /** `<datapoints> of <periods>` */
  readonly evaluation: string;
  readonly treatMissingData: string;
}

export interface MonitoringOutputs {
  readonly alarmTopicArn: string;
  readonly systemErrorsAlarmNames: Readonly<Record<string, string>>;
  readonly userErrorsAlarmName: string;
}

const USER_ERRORS = "AWS/DynamoDB UserErrors [] Sum 60s";

/** SystemErrors is published per TableName and Operation: one Metrics Insights query sums the operations. */
export const systemErrorsQuery = (table: string) =>
  `SELECT SUM(SystemErrors) FROM SCHEMA("AWS/DynamoDB", Operation, TableName) WHERE TableName = '${table}'`;

function monitoringNumber(stack: string, key: string, fallback: number, root?: string): number {
  const files = readStackFiles(stackDir("monitoring", root), stack);
  const raw = files.config[`${files.project}:${key}`];
  return raw === undefined ? fallback : Number(raw);
}

export function expectedAlarms(context: StackContext, outputs: MonitoringOutputs, root?: string): AlarmExpectation[] {
  const threshold = monitoringNumber(context.stack, "systemErrorsThreshold", 1, root);
  const datapoints = monitoringNumber(context.stack, "systemErrorsDatapoints", 3, root);
  const systemErrors = context.tables.map(({ spec, physicalName }) => ({
    name: outputs.systemErrorsAlarmNames[spec.key] ?? `(no systemErrorsAlarmNames.${spec.key} output)`,
    metric: [`${systemErrorsQuery(physicalName)} 60s`],
    threshold: `GreaterThanThreshold ${threshold}`,
    evaluation: `${datapoints} of ${datapoints}`,
    treatMissingData: "notBreaching",
  }));
  return [
    ...systemErrors,
    {
      name: outputs.userErrorsAlarmName,
      // The plain account-wide metric, or the same metric with gaps filled with 0 (metric math FILL).
      metric: [USER_ERRORS, `FILL(${USER_ERRORS}, 0) 60s`],
      threshold: "GreaterThanThreshold 5",
      evaluation: "1 of 1",
      treatMissingData: "notBreaching",
    },
  ];
}
