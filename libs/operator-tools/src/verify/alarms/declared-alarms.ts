import type { MetricAlarm, MetricDataQuery, Statistic } from "@aws-sdk/client-cloudwatch";
import type { DeclaredAlarm } from "@dynamodb-platform/offline-plan";
import { describeAlarmMetric } from "./describe-metric";

/** What one alarm must look like in AWS: what the monitoring stack declares, as verify compares it. */
export interface AlarmExpectation {
  readonly name: string;
  /** The watched metric, as describeAlarmMetric prints it. */
  readonly metric: string;
  readonly threshold: string;
  /** `<datapoints> of <periods>` */
  readonly evaluation: string;
  readonly treatMissingData: string;
  readonly actionsEnabled: string;
  /** Names of the declared topics (or other targets) the ALARM and OK actions publish to. */
  readonly alarmActions: readonly string[];
  readonly okActions: readonly string[];
}

const dimensions = (map: Readonly<Record<string, string>> | undefined) => Object.entries(map ?? {}).map(([Name, Value]) => ({ Name, Value }));

/**
 * The declared alarm in the shape DescribeAlarms returns (the provider sends metricQueries as
 * PutMetricAlarm's Metrics: id, expression, label, period, returnData, metric -> MetricStat), so
 * the live and the declared alarm are printed by the same describeAlarmMetric.
 */
function asDescribedAlarm(alarm: DeclaredAlarm): MetricAlarm {
  const metrics: MetricDataQuery[] = alarm.metricQueries.map((query) => ({
    Id: query.id,
    ...(query.expression !== undefined ? { Expression: query.expression } : {}),
    ...(query.label !== undefined ? { Label: query.label } : {}),
    ...(query.period !== undefined ? { Period: query.period } : {}),
    ...(query.returnData !== undefined ? { ReturnData: query.returnData } : {}),
    ...(query.metric
      ? {
          MetricStat: {
            Metric: { Namespace: query.metric.namespace, MetricName: query.metric.metricName, Dimensions: dimensions(query.metric.dimensions) },
            Period: query.metric.period,
            Stat: query.metric.stat,
          },
        }
      : {}),
  }));
  return {
    AlarmName: alarm.name,
    ...(alarm.metric
      ? {
          Namespace: alarm.metric.namespace,
          MetricName: alarm.metric.metricName,
          Dimensions: dimensions(alarm.metric.dimensions),
          Statistic: alarm.metric.statistic as Statistic | undefined,
          Period: alarm.metric.period,
        }
      : { Metrics: metrics }),
  };
}

export function alarmExpectation(alarm: DeclaredAlarm): AlarmExpectation {
  return {
    name: alarm.name,
    metric: describeAlarmMetric(asDescribedAlarm(alarm)),
    threshold: `${alarm.comparisonOperator} ${alarm.threshold}`,
    evaluation: `${alarm.datapointsToAlarm ?? alarm.evaluationPeriods} of ${alarm.evaluationPeriods}`,
    // PutMetricAlarm's default when none is given (CloudWatch API reference, TreatMissingData).
    treatMissingData: alarm.treatMissingData ?? "missing",
    actionsEnabled: String(alarm.actionsEnabled),
    alarmActions: alarm.alarmActions,
    okActions: alarm.okActions,
  };
}
