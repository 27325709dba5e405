import { paginateDescribeAlarms, type CloudWatchClient, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { awsCall } from "@dynamodb-platform/live-account";
import { compare, verdict, type Check } from "../check";
import { describeAlarmMetric } from "./describe-metric";
import type { AlarmExpectation } from "./expected-alarms";

export async function describeAlarms(cloudwatch: CloudWatchClient, names: readonly string[]): Promise<MetricAlarm[]> {
  const alarms: MetricAlarm[] = [];
  await awsCall(`DescribeAlarms ${names.join(", ")}`, async () => {
    for await (const page of paginateDescribeAlarms({ client: cloudwatch }, { AlarmNames: [...names] })) alarms.push(...(page.MetricAlarms ?? []));
  });
  return alarms;
}

/** Each alarm's live definition against its expectation, and its actions pointing at the topic. */
export function alarmChecks(expected: readonly AlarmExpectation[], live: readonly MetricAlarm[], topicArn: string): Check[] {
  return expected.flatMap((expectation) => {
    const alarm = live.find((candidate) => candidate.AlarmName === expectation.name);
    const subject = expectation.name;
    if (!alarm) return [verdict("alarms", subject, "exists", false, "the alarm", "(not found)")];
    const metric = describeAlarmMetric(alarm);
    const actions = (list: readonly string[] | undefined) => ((list ?? []).includes(topicArn) ? topicArn : (list ?? []).join(", ") || "(none)");
    return [
      compare("alarms", subject, "metric or query", expectation.metric, metric),
      compare("alarms", subject, "threshold", expectation.threshold, `${alarm.ComparisonOperator} ${alarm.Threshold}`),
      compare("alarms", subject, "evaluation", expectation.evaluation, `${alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods} of ${alarm.EvaluationPeriods}`),
      compare("alarms", subject, "missing data", expectation.treatMissingData, alarm.TreatMissingData ?? "missing"),
      compare("alarms", subject, "actions enabled", "true", String(alarm.ActionsEnabled ?? false)),
      compare("alarms", subject, "ALARM action", topicArn, actions(alarm.AlarmActions)),
      compare("alarms", subject, "OK action", topicArn, actions(alarm.OKActions)),
    ];
  });
}
