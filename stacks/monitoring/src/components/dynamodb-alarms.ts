import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DataStack } from "@dynamodb-platform/data-contract";
import { resourceName } from "@dynamodb-platform/stack-config";
import { systemErrorsAlarmArgs, type SystemErrorsAlarmSettings } from "../alarms/system-errors";
import { userErrorsAlarmArgs } from "../alarms/user-errors";

export interface DynamoDbAlarmsArgs {
  readonly dataStack: DataStack;
  readonly environmentSuffix: string;
  readonly systemErrors: SystemErrorsAlarmSettings;
  readonly alarmEmails: readonly string[];
}

export interface AlarmIdentity {
  readonly name: pulumi.Output<string>;
  readonly arn: pulumi.Output<string>;
}

/** The name that stands in for a table in names of account-wide resources. */
const ACCOUNT_WIDE = "dynamodb";

/**
 * The alarm topic, its e-mail subscriptions, one SystemErrors alarm per table of the data stack
 * and the account-wide UserErrors alarm. Every alarm notifies the topic on ALARM and on OK.
 */
export class DynamoDbAlarms extends pulumi.ComponentResource {
  readonly topic: aws.sns.Topic;
  readonly systemErrors: Readonly<Record<string, AlarmIdentity>>;
  readonly userErrors: AlarmIdentity;

  constructor(name: string, args: DynamoDbAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("dynamodb-platform:monitoring:DynamoDbAlarms", name, {}, opts);
    const suffix = args.environmentSuffix;
    const { reference, outputs } = args.dataStack;

    this.topic = new aws.sns.Topic(
      resourceName("alarms", ACCOUNT_WIDE, suffix),
      { name: resourceName("alarms", ACCOUNT_WIDE, suffix), kmsMasterKeyId: "alias/aws/sns" },
      { parent: this },
    );
    for (const email of args.alarmEmails) {
      new aws.sns.TopicSubscription(
        `${resourceName("alarms-email", ACCOUNT_WIDE, suffix)}-${email}`,
        { topic: this.topic.arn, protocol: "email", endpoint: email },
        { parent: this.topic },
      );
    }
    const notify = { alarmActions: [this.topic.arn], okActions: [this.topic.arn] };
    // Tag values computed from the data stack's outputs, so a renamed table shows in the tags.
    const tableNames = reference.requireOutput("tableNames") as pulumi.Output<Record<string, string>>;

    const systemErrors: Record<string, AlarmIdentity> = {};
    for (const [table, physicalName] of Object.entries(outputs.tableNames)) {
      const alarmName = resourceName("systemerrors", table, suffix);
      const alarm = new aws.cloudwatch.MetricAlarm(
        alarmName,
        {
          ...systemErrorsAlarmArgs(alarmName, physicalName, args.systemErrors),
          ...notify,
          tags: { TableName: tableNames.apply((names) => names[table]) },
        },
        { parent: this },
      );
      systemErrors[table] = { name: alarm.name, arn: alarm.arn };
    }

    const userErrorsName = resourceName("usererrors", ACCOUNT_WIDE, suffix);
    const userErrors = new aws.cloudwatch.MetricAlarm(
      userErrorsName,
      {
        ...userErrorsAlarmArgs(userErrorsName, Object.values(outputs.tableNames)),
        ...notify,
        tags: { Tables: tableNames.apply((names) => Object.values(names).join(" ")) },
      },
      { parent: this },
    );

    this.systemErrors = systemErrors;
    this.userErrors = { name: userErrors.name, arn: userErrors.arn };
    this.registerOutputs({ topicArn: this.topic.arn });
  }
}
