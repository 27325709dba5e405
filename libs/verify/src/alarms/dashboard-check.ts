import { GetDashboardCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { describeAwsError, isNotFound } from "@dynamodb-platform/live-account";
import { dashboardName } from "@dynamodb-platform/stack-config";
import { compare, type Check } from "../check";

/**
 * The operators' dashboard the monitoring stack exports as `dashboardName`: named
 * `dynamodb-{environmentSuffix}` (stack-config's rule) and present in CloudWatch
 * (cloudwatch:GetDashboard; a missing one is DashboardNotFoundError in the SDK, API error
 * code ResourceNotFound).
 */
export async function dashboardChecks(cloudwatch: CloudWatchClient, exportedName: string, environmentSuffix: string): Promise<Check[]> {
  const expected = dashboardName(environmentSuffix);
  let found: string | undefined;
  try {
    const dashboard = await cloudwatch.send(new GetDashboardCommand({ DashboardName: exportedName }));
    found = dashboard.DashboardArn ?? `dashboard ${dashboard.DashboardName ?? exportedName}`;
  } catch (error) {
    if (!(isNotFound(error) || (error as Error).name === "DashboardNotFoundError")) throw describeAwsError(error, `GetDashboard ${exportedName}`);
  }
  return [
    compare("alarms", expected, "dashboard name", expected, exportedName),
    { area: "alarms", subject: expected, check: "dashboard exists", status: found ? "pass" : "fail", expected: `the dashboard ${exportedName}`, actual: found ?? "(not found)" },
  ];
}
