import type * as aws from "@pulumi/aws";

type MetricQuery = aws.types.input.cloudwatch.MetricAlarmMetricQuery;

/** The id of the expression every alarm of this stack watches. */
const FILLED_ID = "filled";

/**
 * The alarm watches FILL(source, 0), not the source itself. AWS (PutMetricAlarm,
 * TreatMissingData): "Alarms that evaluate metrics in the AWS/DynamoDB namespace always ignore
 * missing data ... remain in their current state", and DynamoDB publishes its error metrics only
 * in minutes that have errors. Filled, a quiet minute is a 0 datapoint, so the alarm returns to OK
 * (and notifies) after an incident, and the next incident notifies again.
 */
export function filledWithZero(source: MetricQuery & { id: string }, label: string): MetricQuery[] {
  return [
    { ...source, returnData: false },
    { id: FILLED_ID, label, expression: `FILL(${source.id}, 0)`, returnData: true },
  ];
}
