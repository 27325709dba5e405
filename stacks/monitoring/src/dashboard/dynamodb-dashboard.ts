import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DataStack } from "@dynamodb-platform/platform";
import { ACCOUNT_WIDE, dashboardName, resourceName } from "@dynamodb-platform/platform";
import { serializeDashboard } from "./body";
import { dashboardConsoleUrl } from "./console-url";
import { assertWithinLimits } from "./limits";
import { operatorDashboard, type OperatorDashboardInput } from "./operator-dashboard";

export interface DynamoDbDashboardArgs {
  readonly dataStack: DataStack;
  readonly environmentSuffix: string;
  readonly region: string;
  /** Every alarm of the stack, for the alarm status widget. */
  readonly alarmArns: readonly pulumi.Input<string>[];
}

/** What the stack exports about its dashboard. */
export interface DashboardExports {
  readonly dashboardName: pulumi.Output<string>;
  readonly dashboardUrl: pulumi.Output<string>;
}

/** The operators' dashboard over every table of the data stack. */
export class DynamoDbDashboard extends pulumi.ComponentResource {
  readonly exports: DashboardExports;

  constructor(name: string, args: DynamoDbDashboardArgs, opts?: pulumi.ComponentResourceOptions) {
    super("dynamodb-platform:monitoring:DynamoDbDashboard", name, {}, opts);
    const input = (alarmArns: readonly string[]): OperatorDashboardInput => ({
      name: dashboardName(args.environmentSuffix),
      region: args.region,
      tableNames: args.dataStack.outputs.tableNames,
      contributorInsightsTables: new Set(Object.keys(args.dataStack.outputs.contributorInsightsModes)),
      alarmArns,
    });
    // The layout and counts do not depend on the ARN values, which are computed: checking with
    // stand-ins stops the run before the dashboard is registered, not later inside an apply.
    assertWithinLimits(dashboardName(args.environmentSuffix), operatorDashboard(input(args.alarmArns.map((_, i) => `alarm-${i}`))));

    const dashboard = new aws.cloudwatch.Dashboard(
      resourceName("dashboard", ACCOUNT_WIDE, args.environmentSuffix),
      {
        dashboardName: dashboardName(args.environmentSuffix),
        dashboardBody: pulumi.all([...args.alarmArns]).apply((arns) => serializeDashboard(operatorDashboard(input(arns)))),
      },
      { parent: this },
    );
    this.exports = {
      dashboardName: dashboard.dashboardName,
      dashboardUrl: dashboard.dashboardName.apply((deployed) => dashboardConsoleUrl(args.region, deployed)),
    };
    this.registerOutputs({ ...this.exports });
  }
}
