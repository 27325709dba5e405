import type { DeclaredState } from "@dynamodb-platform/offline-plan";
import type { ContributorInsightsMode } from "@dynamodb-platform/platform";
import type { RateCard, UnitPrice } from "../price-list/rate-card";
import type { TableUsage } from "../usage/table-usage";
import { SYSTEM_ERRORS_OPERATIONS, monitoringFootprint } from "./declared-monitoring";
import { BYTES_PER_GB, perMonth } from "./month";

/** A recurring monthly cost the refactor adds, with the quantity it was priced on. */
export interface FeatureCost {
  readonly feature: string;
  readonly table?: string;
  readonly quantity: number;
  readonly unit: string;
  readonly price: UnitPrice;
  readonly monthlyUsd: number;
}

function priced(feature: string, quantity: number, unit: string, price: UnitPrice, table?: string): FeatureCost {
  return { feature, ...(table !== undefined ? { table } : {}), quantity, unit, price, monthlyUsd: quantity * price.usd };
}

/**
 * DynamoDB creates two rules per table or GSI in accessed-and-throttled mode (most accessed, most
 * throttled), two more when it has a sort key; throttled-keys mode keeps only the throttled ones
 * (DynamoDB Developer Guide, "CloudWatch contributor insights for DynamoDB: How it works").
 */
function contributorInsightsRules(mode: ContributorInsightsMode, hasSortKey: boolean): number {
  return (mode === "ACCESSED_AND_THROTTLED_KEYS" ? 2 : 1) * (hasSortKey ? 2 : 1);
}

/**
 * Each item read or written is one event, two when the table has a sort key (DynamoDB Developer
 * Guide, billing usage types, `CW:ContributorEventsManaged`); consumed units stand in for items.
 * In throttled-keys mode only throttled requests are events: none on a healthy table.
 */
function contributorInsightsEventsPerMonth(usage: TableUsage, mode: ContributorInsightsMode, windowHours: number): number {
  if (mode === "THROTTLED_KEYS") return 0;
  const units = usage.table.consumed.read + usage.table.consumed.write;
  return perMonth(units, windowHours) * (usage.spec.rangeKey ? 2 : 1);
}

export function addedFeatures(usages: readonly TableUsage[], declared: Pick<DeclaredState, "alarms" | "dashboards">, rates: RateCard, windowHours: number): FeatureCost[] {
  const perTable = usages.flatMap((usage) => {
    const costs: FeatureCost[] = [];
    const key = usage.spec.key;
    if (usage.spec.pointInTimeRecovery !== undefined) {
      costs.push(priced("point-in-time recovery", usage.table.sizeBytes / BYTES_PER_GB, "GB-month", rates.pitrGbMonth, key));
    }
    const mode = usage.spec.contributorInsights;
    if (mode !== undefined) {
      costs.push(priced("contributor insights rules", contributorInsightsRules(mode, usage.spec.rangeKey !== undefined), "rule-months", rates.contributorInsightsRuleMonth, key));
      costs.push(priced("contributor insights events", contributorInsightsEventsPerMonth(usage, mode, windowHours), "events", rates.contributorInsightsEvent, key));
    }
    return costs;
  });
  const footprint = monitoringFootprint(declared);
  const standardMetrics = footprint.standardAlarms.reduce((total, alarm) => total + alarm.metrics, 0);
  const insights = footprint.metricsInsightsAlarms;
  return [
    ...perTable,
    priced(`standard-resolution alarms (${footprint.standardAlarms.map((alarm) => alarm.name).join(", ") || "none"})`, standardMetrics, "alarm metrics", rates.standardAlarmMetricMonth),
    priced(
      `Metrics Insights alarms (${insights.length} x up to ${SYSTEM_ERRORS_OPERATIONS} metrics: ${insights.join(", ") || "none"})`,
      insights.length * SYSTEM_ERRORS_OPERATIONS,
      "metrics analyzed",
      rates.metricsInsightsAlarmMetricMonth,
    ),
    priced("dashboard", footprint.dashboards, "dashboard-months", rates.dashboardMonth),
  ];
}
