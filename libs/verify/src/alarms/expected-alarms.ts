import type { StackContext } from "@dynamodb-platform/live-account";
import { ALARM_PERIOD_SECONDS, USER_ERRORS_DATAPOINTS, DEFAULT_USER_ERRORS_THRESHOLD, evaluationPeriodsFor, systemErrorsQuery } from "@dynamodb-platform/stack-config";
import type { MonitoringConfig } from "./monitoring-config";

/**
 * What the monitoring stack's alarms must look like in AWS, from the values the stack itself
 * declares them with (stack-config's monitoring-alarms, the stack's config file).
 */
export interface AlarmExpectation {
  readonly name: string;
  /** The watched metric, as describeAlarmMetric prints it. */
  readonly metric: string;
  readonly threshold: string;
  /** `<datapoints> of <periods>` */
  readonly evaluation: string;
  readonly treatMissingData: string;
}

/** The monitoring stack's outputs verify reads (stacks/monitoring/src/program.ts). */
export interface MonitoringOutputs {
  readonly alarmTopicArn: string;
  readonly systemErrorsAlarmNames: Readonly<Record<string, string>>;
  readonly systemErrorsAlarmArns: Readonly<Record<string, string>>;
  readonly userErrorsAlarmName: string;
  readonly userErrorsAlarmArn: string;
  readonly dashboardName: string;
}

/**
 * Every alarm watches FILL(<its data>, 0): DynamoDB publishes error metrics only in minutes with
 * errors and alarms on AWS/DynamoDB ignore missing data, so without FILL an alarm would never
 * return to OK (README, "Alarms that come back to OK").
 */
const filled = (input: string) => `FILL({${input}}, 0)`;
const evaluation = (datapoints: number) => `${datapoints} of ${evaluationPeriodsFor(datapoints)}`;

export function expectedAlarms(context: StackContext, outputs: MonitoringOutputs, config: MonitoringConfig): AlarmExpectation[] {
  const systemErrors = context.tables.map(({ spec, physicalName }) => ({
    name: outputs.systemErrorsAlarmNames[spec.key] ?? `(no systemErrorsAlarmNames.${spec.key} output)`,
    metric: filled(`${systemErrorsQuery(physicalName)} ${ALARM_PERIOD_SECONDS}s`),
    threshold: `GreaterThanThreshold ${config.systemErrorsThreshold}`,
    evaluation: evaluation(config.systemErrorsDatapoints),
    treatMissingData: "notBreaching",
  }));
  return [
    ...systemErrors,
    {
      name: outputs.userErrorsAlarmName,
      // The account-wide metric: UserErrors has no dimensions.
      metric: filled(`AWS/DynamoDB UserErrors [] Sum ${ALARM_PERIOD_SECONDS}s`),
      threshold: `GreaterThanThreshold ${DEFAULT_USER_ERRORS_THRESHOLD}`,
      evaluation: evaluation(USER_ERRORS_DATAPOINTS),
      treatMissingData: "notBreaching",
    },
  ];
}
