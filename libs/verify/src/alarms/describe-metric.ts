import type { Dimension, MetricAlarm, MetricStat } from "@aws-sdk/client-cloudwatch";

const dimensions = (list: readonly Dimension[] | undefined) => `[${(list ?? []).map((d) => `${d.Name}=${d.Value}`).join(", ")}]`;
const stat = (s: MetricStat) => `${s.Metric?.Namespace} ${s.Metric?.MetricName} ${dimensions(s.Metric?.Dimensions)} ${s.Stat} ${s.Period}s`;
const normalize = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The metric an alarm watches, as one line: a plain metric (`AWS/DynamoDB UserErrors [] Sum 60s`),
 * or the returned expression of its metric queries with every metric id replaced by the metric
 * (`FILL(AWS/DynamoDB UserErrors [] Sum 60s, 0) 60s`), or a Metrics Insights query and its period.
 */
export function describeAlarmMetric(alarm: MetricAlarm): string {
  if (alarm.MetricName) {
    return `${alarm.Namespace} ${alarm.MetricName} ${dimensions(alarm.Dimensions)} ${alarm.Statistic ?? alarm.ExtendedStatistic} ${alarm.Period}s`;
  }
  const queries = alarm.Metrics ?? [];
  const returned = queries.filter((query) => query.ReturnData !== false);
  if (returned.length !== 1) return `(${returned.length} metric queries return data)`;
  const [result] = returned;
  if (result.MetricStat) return stat(result.MetricStat);
  let expression = normalize(result.Expression ?? "");
  for (const query of queries) {
    if (query.MetricStat && query.Id) expression = expression.replace(new RegExp(`\\b${query.Id}\\b`, "g"), stat(query.MetricStat));
  }
  const period = result.Period ?? queries.find((query) => query.MetricStat)?.MetricStat?.Period;
  return `${expression} ${period}s`;
}
