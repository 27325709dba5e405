import type { Dimension, MetricAlarm, MetricDataQuery, MetricStat } from "@aws-sdk/client-cloudwatch";

const dimensions = (list: readonly Dimension[] | undefined) => `[${(list ?? []).map((d) => `${d.Name}=${d.Value}`).join(", ")}]`;
const stat = (s: MetricStat) => `${s.Metric?.Namespace} ${s.Metric?.MetricName} ${dimensions(s.Metric?.Dimensions)} ${s.Stat} ${s.Period}s`;
const normalize = (text: string) => text.replace(/\s+/g, " ").trim();
const isMetricsInsights = (expression: string) => /^select\b/i.test(expression);

/**
 * One metric query as text. A metric: namespace, name, dimensions, statistic, period. A Metrics
 * Insights query: the query and its own period. Metric math: the expression with each query id
 * it reads replaced by that query's text in braces (its period comes from its inputs).
 */
function queryText(query: MetricDataQuery, queries: readonly MetricDataQuery[], depth = 0): string {
  if (query.MetricStat) return stat(query.MetricStat);
  const expression = normalize(query.Expression ?? "");
  if (isMetricsInsights(expression)) return `${expression} ${query.Period}s`;
  if (depth > queries.length) return expression;
  return queries
    .filter((other) => other !== query && other.Id)
    .reduce((text, other) => text.replace(new RegExp(`\\b${other.Id}\\b`, "g"), `{${queryText(other, queries, depth + 1)}}`), expression);
}

/**
 * The metric an alarm watches, as one line: a plain metric (`AWS/DynamoDB UserErrors [] Sum 60s`),
 * or the one metric query that returns data, e.g. `FILL({AWS/DynamoDB UserErrors [] Sum 60s}, 0)`
 * or `FILL({SELECT SUM(SystemErrors) FROM ... 60s}, 0)`.
 */
export function describeAlarmMetric(alarm: MetricAlarm): string {
  if (alarm.MetricName) {
    return `${alarm.Namespace} ${alarm.MetricName} ${dimensions(alarm.Dimensions)} ${alarm.Statistic ?? alarm.ExtendedStatistic} ${alarm.Period}s`;
  }
  const queries = alarm.Metrics ?? [];
  const returned = queries.filter((query) => query.ReturnData !== false);
  if (returned.length !== 1) return `(${returned.length} metric queries return data)`;
  return queryText(returned[0], queries);
}
