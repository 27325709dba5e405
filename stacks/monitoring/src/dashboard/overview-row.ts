import { DYNAMODB_NAMESPACE } from "@dynamodb-platform/platform";
import type { WidgetDefinition } from "./body";
import { PERIOD_SECONDS } from "./table-row";

/**
 * PutDashboard's advice: a text widget at the top saying the dashboard is made by code and
 * console edits will be replaced (CloudWatch API Reference, PutDashboard).
 */
export function headerWidget(dashboardName: string, tables: readonly string[]): WidgetDefinition {
  const markdown = [
    `# DynamoDB tables: ${tables.join(", ")}`,
    `Dashboard \`${dashboardName}\`, managed by the Pulumi project dynamodb-monitoring: edits made here are replaced by the next deploy.`,
  ].join("\n\n");
  return { type: "text", width: 24, height: 2, properties: { markdown } };
}

/** UserErrors has no dimensions: one line for every table and stream of the account and region. */
export function userErrorsWidget(region: string): WidgetDefinition {
  return {
    type: "metric",
    width: 8,
    height: 6,
    properties: {
      title: "User errors (HTTP 400), whole account and region",
      region,
      view: "timeSeries",
      stacked: false,
      period: PERIOD_SECONDS,
      stat: "Sum",
      series: [{ namespace: DYNAMODB_NAMESPACE, metricName: "UserErrors", dimensions: {}, options: { label: "UserErrors" } }],
    },
  };
}

/** ALARM first, then INSUFFICIENT_DATA, then OK, most recent change first within each. */
export function alarmStatusWidget(alarmArns: readonly string[]): WidgetDefinition {
  return { type: "alarm", width: 16, height: 6, properties: { title: "Alarms of this stack", alarms: alarmArns, sortBy: "stateUpdatedTimestamp" } };
}
