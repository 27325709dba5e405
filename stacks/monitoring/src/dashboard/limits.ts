import { isExpression, type DashboardDefinition } from "./body";
import { GRID_COLUMNS } from "./layout";

/**
 * CloudWatch's documented dashboard limits: "Up to 500 widgets per dashboard. Up to 500 metrics
 * per dashboard widget. Up to 2500 metrics per dashboard, across all widgets", counting metrics
 * used only in math (CloudWatch service quotas,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html); an
 * alarm status widget holds 1-100 alarm ARNs and the name is at most 255 of A-Z a-z 0-9 - _
 * (Dashboard Body Structure and Syntax; PutDashboard). AWS documents no limit on the body's size.
 */
const DASHBOARD_LIMITS = {
  widgets: 500,
  metricsPerWidget: 500,
  metricsPerDashboard: 2500,
  alarmsPerAlarmWidget: 100,
  nameLength: 255,
} as const;

const DASHBOARD_NAME = /^[A-Za-z0-9_-]+$/;

export class DashboardLimitError extends Error {
  constructor(dashboardName: string, problem: string, fix: string) {
    super(`CloudWatch dashboard '${dashboardName}' ${problem}. Fix: ${fix}`);
    this.name = "DashboardLimitError";
  }
}

/** Every problem CloudWatch would refuse (or silently truncate) in this dashboard; empty when none. */
export function dashboardLimitProblems(name: string, dashboard: DashboardDefinition): string[] {
  const problems: string[] = [];
  if (name.length > DASHBOARD_LIMITS.nameLength || !DASHBOARD_NAME.test(name)) {
    problems.push(`has an invalid name (at most ${DASHBOARD_LIMITS.nameLength} of A-Z, a-z, 0-9, - and _)`);
  }
  if (dashboard.widgets.length > DASHBOARD_LIMITS.widgets) {
    problems.push(`has ${dashboard.widgets.length} widgets, more than the ${DASHBOARD_LIMITS.widgets} CloudWatch allows`);
  }
  let metrics = 0;
  for (const widget of dashboard.widgets) {
    const title = widget.type === "text" ? "text" : widget.properties.title;
    if (widget.x < 0 || widget.width < 1 || widget.x + widget.width > GRID_COLUMNS) {
      problems.push(`has widget '${title}' at x=${widget.x} width=${widget.width}, outside the ${GRID_COLUMNS}-column grid`);
    }
    if (widget.type === "metric") {
      const count = widget.properties.series.filter((series) => !isExpression(series) || /\b(SELECT|SEARCH)\b/.test(series.expression)).length;
      metrics += count;
      if (count > DASHBOARD_LIMITS.metricsPerWidget) problems.push(`has ${count} metrics in widget '${title}', more than ${DASHBOARD_LIMITS.metricsPerWidget}`);
    }
    if (widget.type === "alarm" && (widget.properties.alarms.length < 1 || widget.properties.alarms.length > DASHBOARD_LIMITS.alarmsPerAlarmWidget)) {
      problems.push(`has ${widget.properties.alarms.length} alarms in widget '${title}' (1 to ${DASHBOARD_LIMITS.alarmsPerAlarmWidget} allowed)`);
    }
  }
  if (metrics > DASHBOARD_LIMITS.metricsPerDashboard) {
    problems.push(`graphs ${metrics} metrics, more than the ${DASHBOARD_LIMITS.metricsPerDashboard} CloudWatch allows per dashboard`);
  }
  return problems;
}

/** Stops the run, before the dashboard is registered, when the dashboard breaks a CloudWatch limit. */
export function assertWithinLimits(name: string, dashboard: DashboardDefinition): void {
  const problems = dashboardLimitProblems(name, dashboard);
  if (problems.length > 0) {
    throw new DashboardLimitError(name, problems.join("; "), "graph fewer tables on this dashboard (e.g. split the data stack's tables over several dashboards)");
  }
}
