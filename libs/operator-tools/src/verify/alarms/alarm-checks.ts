import { paginateDescribeAlarms, type CloudWatchClient, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { awsCall } from "../../live-account";
import { compare, verdict, type Check } from "../check";
import type { AlarmExpectation } from "./declared-alarms";
import { describeAlarmMetric } from "./describe-metric";

/** DescribeAlarms takes at most 100 names a call (CloudWatch API reference, DescribeAlarms AlarmNames). */
const NAMES_PER_CALL = 100;

export async function describeAlarms(cloudwatch: CloudWatchClient, names: readonly string[]): Promise<MetricAlarm[]> {
  const alarms: MetricAlarm[] = [];
  for (let start = 0; start < names.length; start += NAMES_PER_CALL) {
    const batch = names.slice(start, start + NAMES_PER_CALL);
    await awsCall(`DescribeAlarms ${batch.join(", ")}`, async () => {
      for await (const page of paginateDescribeAlarms({ client: cloudwatch }, { AlarmNames: batch })) alarms.push(...(page.MetricAlarms ?? []));
    });
  }
  return alarms;
}

/**
 * Each alarm's live definition against what the stack declares. `targets` turns a declared action
 * (a topic's name) into the ARN the live alarm must carry (the deployed topic's).
 */
export function alarmChecks(expected: readonly AlarmExpectation[], live: readonly MetricAlarm[], targets: (declared: string) => string): Check[] {
  return expected.flatMap((expectation) => {
    const alarm = live.find((candidate) => candidate.AlarmName === expectation.name);
    const subject = expectation.name;
    if (!alarm) return [verdict("alarms", subject, "exists", false, "the alarm", "(not found)")];
    const actions = (declared: readonly string[], list: readonly string[] | undefined) => {
      const wanted = declared.map(targets);
      const liveList = list ?? [];
      return { expected: wanted.join(", ") || "(none)", actual: wanted.length > 0 && wanted.every((arn) => liveList.includes(arn)) ? wanted.join(", ") : liveList.join(", ") || "(none)" };
    };
    const alarmActions = actions(expectation.alarmActions, alarm.AlarmActions);
    const okActions = actions(expectation.okActions, alarm.OKActions);
    return [
      compare("alarms", subject, "metric or query", expectation.metric, describeAlarmMetric(alarm)),
      compare("alarms", subject, "threshold", expectation.threshold, `${alarm.ComparisonOperator} ${alarm.Threshold}`),
      compare("alarms", subject, "evaluation", expectation.evaluation, `${alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods} of ${alarm.EvaluationPeriods}`),
      compare("alarms", subject, "missing data", expectation.treatMissingData, alarm.TreatMissingData ?? "missing"),
      compare("alarms", subject, "actions enabled", expectation.actionsEnabled, String(alarm.ActionsEnabled ?? false)),
      compare("alarms", subject, "ALARM action", alarmActions.expected, alarmActions.actual),
      compare("alarms", subject, "OK action", okActions.expected, okActions.actual),
    ];
  });
}
