import type * as aws from "@pulumi/aws";

export interface SystemErrorsAlarmSettings {
  readonly threshold: number;
  readonly datapoints: number;
}

/**
 * DynamoDB publishes SystemErrors only per (TableName, Operation), so an alarm on TableName alone
 * never fires, and metric math over the operations is capped at 10 metrics per alarm. A Metrics
 * Insights query sums every operation of the table in one alarm.
 */
export function systemErrorsQuery(physicalTableName: string): string {
  return `SELECT SUM(SystemErrors) FROM SCHEMA("AWS/DynamoDB", Operation, TableName) WHERE TableName = '${physicalTableName}'`;
}

export function systemErrorsAlarmArgs(
  alarmName: string,
  physicalTableName: string,
  settings: SystemErrorsAlarmSettings,
): aws.cloudwatch.MetricAlarmArgs {
  return {
    name: alarmName,
    alarmDescription:
      `DynamoDB table ${physicalTableName}: more than ${settings.threshold} server-side (HTTP 500) errors ` +
      `a minute, summed over all operations, for ${settings.datapoints} consecutive minute(s).`,
    metricQueries: [
      {
        id: "systemErrors",
        label: `SystemErrors ${physicalTableName}`,
        expression: systemErrorsQuery(physicalTableName),
        period: 60,
        returnData: true,
      },
    ],
    comparisonOperator: "GreaterThanThreshold",
    threshold: settings.threshold,
    evaluationPeriods: settings.datapoints,
    datapointsToAlarm: settings.datapoints,
    treatMissingData: "notBreaching",
  };
}
