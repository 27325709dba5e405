import type * as aws from "@pulumi/aws";
import { ALARM_PERIOD_SECONDS, evaluationPeriodsFor, systemErrorsQuery } from "@dynamodb-platform/platform";
import { filledWithZero } from "./fill";

export interface SystemErrorsAlarmSettings {
  readonly threshold: number;
  /** Minutes that must breach; validated against the Metrics Insights window by the config. */
  readonly datapoints: number;
}

/**
 * The Metrics Insights query is the input of FILL, so quiet minutes count as 0 and the alarm
 * returns to OK (docs/decisions/alarms-and-metrics.md, "Missing data").
 */
export function systemErrorsAlarmArgs(
  alarmName: string,
  physicalTableName: string,
  settings: SystemErrorsAlarmSettings,
): aws.cloudwatch.MetricAlarmArgs {
  const evaluationPeriods = evaluationPeriodsFor(settings.datapoints);
  return {
    name: alarmName,
    alarmDescription:
      `DynamoDB table ${physicalTableName}: more than ${settings.threshold} server-side (HTTP 500) errors ` +
      `a minute, summed over all operations, in ${settings.datapoints} of the last ${evaluationPeriods} minutes.`,
    metricQueries: filledWithZero(
      { id: "systemErrors", expression: systemErrorsQuery(physicalTableName), period: ALARM_PERIOD_SECONDS },
      `SystemErrors ${physicalTableName} (quiet minutes as 0)`,
    ),
    comparisonOperator: "GreaterThanThreshold",
    threshold: settings.threshold,
    evaluationPeriods,
    datapointsToAlarm: settings.datapoints,
    treatMissingData: "notBreaching",
  };
}
