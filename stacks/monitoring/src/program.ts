import type * as pulumi from "@pulumi/pulumi";
import { readDataStack } from "@dynamodb-platform/platform";
import { tagEveryResource } from "@dynamodb-platform/tags";
import { DynamoDbAlarms } from "./components/dynamodb-alarms";
import { readMonitoringStackConfig } from "./config";
import { DynamoDbDashboard, type DashboardExports } from "./dashboard/dynamodb-dashboard";

export interface MonitoringStackExports extends DashboardExports {
  readonly alarmTopicArn: pulumi.Output<string>;
  readonly systemErrorsAlarmNames: Record<string, pulumi.Output<string>>;
  readonly systemErrorsAlarmArns: Record<string, pulumi.Output<string>>;
  readonly userErrorsAlarmName: pulumi.Output<string>;
  readonly userErrorsAlarmArn: pulumi.Output<string>;
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, f: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
}

/** The monitoring stack: alarms on the tables of the data stack it references. */
export async function monitoringProgram(): Promise<MonitoringStackExports> {
  const config = readMonitoringStackConfig();
  tagEveryResource(config.tags);
  const dataStack = await readDataStack(config.dataStack);
  const alarms = new DynamoDbAlarms("alarms", {
    dataStack,
    environmentSuffix: config.environmentSuffix,
    region: config.region,
    systemErrors: { threshold: config.systemErrorsThreshold, datapoints: config.systemErrorsDatapoints },
    userErrorsThreshold: config.userErrorsThreshold,
    alarmEmails: config.alarmEmails,
    ...(config.alarmTopicKmsKeyArn ? { alarmTopicKmsKeyArn: config.alarmTopicKmsKeyArn } : {}),
  });
  const dashboard = new DynamoDbDashboard("dashboard", { dataStack, environmentSuffix: config.environmentSuffix, region: config.region, alarmArns: [...Object.values(alarms.systemErrors), alarms.userErrors].map((alarm) => alarm.arn) });
  return {
    ...dashboard.exports,
    alarmTopicArn: alarms.topic.arn,
    systemErrorsAlarmNames: mapValues(alarms.systemErrors, (alarm) => alarm.name),
    systemErrorsAlarmArns: mapValues(alarms.systemErrors, (alarm) => alarm.arn),
    userErrorsAlarmName: alarms.userErrors.name,
    userErrorsAlarmArn: alarms.userErrors.arn,
  };
}
