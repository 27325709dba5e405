import { ALARM_PERIOD_SECONDS, ConfigError, LATE_DATAPOINT_ALLOWANCE, evaluationPeriodsFor } from "@dynamodb-platform/platform";

/**
 * CloudWatch evaluates a Metrics Insights alarm on the latest 3 hours of data only
 * (docs/decisions/alarms-and-metrics.md, "The 3-hour window").
 */
const METRICS_INSIGHTS_MAX_WINDOW_SECONDS = 3 * 60 * 60;

/** The largest `datapoints` whose evaluation window still fits the Metrics Insights limit. */
export const MAX_METRICS_INSIGHTS_DATAPOINTS =
  Math.floor(METRICS_INSIGHTS_MAX_WINDOW_SECONDS / ALARM_PERIOD_SECONDS) - LATE_DATAPOINT_ALLOWANCE;

/**
 * Refuses a datapoints setting whose evaluation window (period x evaluation periods) is longer
 * than the 3 hours a Metrics Insights alarm can see, before any resource is declared: CloudWatch
 * would otherwise refuse the alarm in the middle of `pulumi up`. The threshold plays no part in
 * the window; only the number of minutes does.
 */
export function validateMetricsInsightsWindow(key: string, datapointsToAlarm: number): number {
  const windowSeconds = evaluationPeriodsFor(datapointsToAlarm) * ALARM_PERIOD_SECONDS;
  if (windowSeconds > METRICS_INSIGHTS_MAX_WINDOW_SECONDS) {
    throw new ConfigError(
      key,
      `${datapointsToAlarm} minutes (evaluated over ${evaluationPeriodsFor(datapointsToAlarm)} one-minute periods, ${windowSeconds} s) ` +
        `exceed the ${METRICS_INSIGHTS_MAX_WINDOW_SECONDS} s (3 hours) a CloudWatch Metrics Insights alarm can evaluate`,
      `Use at most ${MAX_METRICS_INSIGHTS_DATAPOINTS}`,
    );
  }
  return datapointsToAlarm;
}
