import { GetDashboardCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { describeAwsError, isNotFound } from "../../live-account";
import { compare, type Check } from "../check";

/**
 * The operators' dashboard: the name the monitoring stack declares, the one its `dashboardName`
 * output names, and present in CloudWatch (cloudwatch:GetDashboard; a missing one is
 * DashboardNotFoundError in the SDK, API error code ResourceNotFound).
 */
export async function dashboardChecks(cloudwatch: CloudWatchClient, exportedName: string, declaredName: string): Promise<Check[]> {
  let found: string | undefined;
  try {
    const dashboard = await cloudwatch.send(new GetDashboardCommand({ DashboardName: exportedName }));
    found = dashboard.DashboardArn ?? `dashboard ${dashboard.DashboardName ?? exportedName}`;
  } catch (error) {
    if (!(isNotFound(error) || (error as Error).name === "DashboardNotFoundError")) throw describeAwsError(error, `GetDashboard ${exportedName}`);
  }
  return [
    compare("alarms", declaredName, "dashboard name", declaredName, exportedName),
    { area: "alarms", subject: declaredName, check: "dashboard exists", status: found ? "pass" : "fail", expected: `the dashboard ${exportedName}`, actual: found ?? "(not found)" },
  ];
}
