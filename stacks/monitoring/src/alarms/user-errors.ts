import type * as aws from "@pulumi/aws";
import { ALARM_PERIOD_SECONDS, DYNAMODB_NAMESPACE, USER_ERRORS_DATAPOINTS, evaluationPeriodsFor } from "@dynamodb-platform/platform";
import { filledWithZero } from "./fill";

/**
 * DynamoDB publishes UserErrors with no dimensions: one number for every table and stream of the
 * account in the region. A TableName dimension matches no data, so one alarm covers all tables,
 * and also counts any other table in the account and region.
 */
export function userErrorsAlarmArgs(alarmName: string, physicalTableNames: readonly string[], threshold: number): aws.cloudwatch.MetricAlarmArgs {
  return {
    name: alarmName,
    alarmDescription:
      `DynamoDB client errors (HTTP 400) above ${threshold} a minute across the whole account and region. ` +
      `Covers the tables ${physicalTableNames.join(", ")}, and counts every other DynamoDB table and stream in this ` +
      "account and region too: AWS publishes UserErrors without a TableName dimension.",
    metricQueries: filledWithZero(
      { id: "userErrors", metric: { namespace: DYNAMODB_NAMESPACE, metricName: "UserErrors", stat: "Sum", period: ALARM_PERIOD_SECONDS } },
      "UserErrors, account and region (quiet minutes as 0)",
    ),
    comparisonOperator: "GreaterThanThreshold",
    threshold,
    evaluationPeriods: evaluationPeriodsFor(USER_ERRORS_DATAPOINTS),
    datapointsToAlarm: USER_ERRORS_DATAPOINTS,
    treatMissingData: "notBreaching",
  };
}
