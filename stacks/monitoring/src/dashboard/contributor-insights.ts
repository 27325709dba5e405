import type { WidgetDefinition } from "./body";

/**
 * A dashboard graphs contributor insights with an `insightRule` widget that needs the rule's name.
 * DynamoDB names its rules itself (`DynamoDBContributorInsights-PKC-<table>-<creation epoch>` and
 * the like, returned only by DynamoDB's DescribeContributorInsights), and the provider's
 * aws.dynamodb.ContributorInsights resource exposes no rule name. So the row says where to look.
 */
export function contributorInsightsWidget(table: string): WidgetDefinition {
  const markdown = [
    `## ${table}: most accessed and most throttled keys`,
    `Contributor insights is on for \`${table}\`, but its rule names are chosen by DynamoDB and are not known to this stack, so they cannot be graphed here.`,
    `Open them in the DynamoDB console: Tables → \`${table}\` → Monitor → CloudWatch Contributor Insights (or CloudWatch → Insights → Contributor Insights, rules \`DynamoDBContributorInsights-*-${table}-*\`).`,
  ].join("\n\n");
  return { type: "text", width: 24, height: 3, properties: { markdown } };
}
