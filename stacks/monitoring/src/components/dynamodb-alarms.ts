import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DataStack } from "@dynamodb-platform/platform";
import { ACCOUNT_WIDE, alarmTopicName, resourceName, systemErrorsAlarmName, userErrorsAlarmName } from "@dynamodb-platform/platform";
import { systemErrorsAlarmArgs, type SystemErrorsAlarmSettings } from "../alarms/system-errors";
import { userErrorsAlarmArgs } from "../alarms/user-errors";
import { declareAlarmTopic } from "../topic/alarm-topic";

export interface DynamoDbAlarmsArgs {
  readonly dataStack: DataStack;
  readonly environmentSuffix: string;
  readonly region: string;
  readonly systemErrors: SystemErrorsAlarmSettings;
  /** The UserErrors alarm fires above this many errors a minute. */
  readonly userErrorsThreshold: number;
  readonly alarmEmails: readonly string[];
  /** The organisation's customer managed key for the topic; absent: no encryption. */
  readonly alarmTopicKmsKeyArn?: string;
}

export interface AlarmIdentity {
  readonly name: pulumi.Output<string>;
  readonly arn: pulumi.Output<string>;
}

/**
 * The alarm topic and its policy, its e-mail subscriptions, one SystemErrors alarm per table of
 * the data stack and the account-wide UserErrors alarm. Every alarm notifies the topic on ALARM
 * and on OK.
 */
export class DynamoDbAlarms extends pulumi.ComponentResource {
  readonly topic: aws.sns.Topic;
  readonly systemErrors: Readonly<Record<string, AlarmIdentity>>;
  readonly userErrors: AlarmIdentity;

  constructor(name: string, args: DynamoDbAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("dynamodb-platform:monitoring:DynamoDbAlarms", name, {}, opts);
    const suffix = args.environmentSuffix;
    const { reference, outputs } = args.dataStack;

    const systemErrorsNames = Object.fromEntries(
      Object.keys(outputs.tableNames).map((table) => [table, systemErrorsAlarmName(table, suffix)]),
    );
    const userErrorsName = userErrorsAlarmName(suffix);

    const { topic, policy } = declareAlarmTopic(
      {
        topicName: alarmTopicName(suffix),
        region: args.region,
        alarmNames: [...Object.values(systemErrorsNames), userErrorsName],
        alarmEmails: args.alarmEmails,
        subscriptionNamePrefix: resourceName("alarms-email", ACCOUNT_WIDE, suffix),
        ...(args.alarmTopicKmsKeyArn ? { kmsKeyArn: args.alarmTopicKmsKeyArn } : {}),
      },
      this,
    );
    this.topic = topic;
    const notify = { alarmActions: [topic.arn], okActions: [topic.arn] };
    const alarmOptions: pulumi.CustomResourceOptions = { parent: this, dependsOn: [policy] };
    // Tag values computed from the data stack's outputs, so a renamed table shows in the tags.
    const tableNames = reference.requireOutput("tableNames") as pulumi.Output<Record<string, string>>;

    const systemErrors: Record<string, AlarmIdentity> = {};
    for (const [table, physicalName] of Object.entries(outputs.tableNames)) {
      const alarmName = systemErrorsNames[table];
      const alarm = new aws.cloudwatch.MetricAlarm(
        alarmName,
        {
          ...systemErrorsAlarmArgs(alarmName, physicalName, args.systemErrors),
          ...notify,
          tags: { TableName: tableNames.apply((names) => names[table]) },
        },
        alarmOptions,
      );
      systemErrors[table] = { name: alarm.name, arn: alarm.arn };
    }

    const userErrors = new aws.cloudwatch.MetricAlarm(
      userErrorsName,
      {
        ...userErrorsAlarmArgs(userErrorsName, Object.values(outputs.tableNames), args.userErrorsThreshold),
        ...notify,
        tags: { Tables: tableNames.apply((names) => Object.values(names).join(" ")) },
      },
      alarmOptions,
    );

    this.systemErrors = systemErrors;
    this.userErrors = { name: userErrors.name, arn: userErrors.arn };
    this.registerOutputs({ topicArn: topic.arn });
  }
}
