import { CostReportError } from "../errors";
import type { PriceListSnapshot } from "./price-list-file";
import { PRICED_SERVICES, parsePriceListItem, type PricedProduct, type PricedService } from "./products";

/** One unit price taken from the price list, with what it was taken from, for the report. */
export interface UnitPrice {
  readonly usd: number;
  readonly unit: string;
  readonly usagetype: string;
  readonly description: string;
}

/**
 * Where each price lives in the price list: service and usage type without its billing-region
 * prefix (`APS2-ReadCapacityUnit-Hrs` in ap-southeast-2, no prefix in us-east-1).
 * DynamoDB usage types: DynamoDB Developer Guide, "Best practices for understanding your AWS billing
 * and usage reports in DynamoDB" (Standard table class; the `IA-` types are Standard-IA).
 * CloudWatch usage types: CloudWatch User Guide, "CloudWatch billing and cost" (alarms:
 * `AlarmMonitorUsage` standard, `MetricInsightAlarmUsage` Metrics Insights query alarms; dashboards:
 * `DashboardsUsageHour`; Contributor Insights for DynamoDB: `ContributorRulesManaged`,
 * `ContributorEventsManaged`, billed under AmazonCloudWatch, not AmazonDynamoDB).
 */
export const RATE_SOURCES = {
  provisionedReadHour: { service: "AmazonDynamoDB", usagetype: "ReadCapacityUnit-Hrs" },
  provisionedWriteHour: { service: "AmazonDynamoDB", usagetype: "WriteCapacityUnit-Hrs" },
  readRequestUnit: { service: "AmazonDynamoDB", usagetype: "ReadRequestUnits" },
  writeRequestUnit: { service: "AmazonDynamoDB", usagetype: "WriteRequestUnits" },
  storageGbMonth: { service: "AmazonDynamoDB", usagetype: "TimedStorage-ByteHrs" },
  pitrGbMonth: { service: "AmazonDynamoDB", usagetype: "TimedPITRStorage-ByteHrs" },
  contributorInsightsRuleMonth: { service: "AmazonCloudWatch", usagetype: "ContributorRulesManaged" },
  contributorInsightsEvent: { service: "AmazonCloudWatch", usagetype: "ContributorEventsManaged" },
  standardAlarmMetricMonth: { service: "AmazonCloudWatch", usagetype: "AlarmMonitorUsage" },
  metricsInsightsAlarmMetricMonth: { service: "AmazonCloudWatch", usagetype: "MetricInsightAlarmUsage" },
  dashboardMonth: { service: "AmazonCloudWatch", usagetype: "DashboardsUsageHour" },
} as const satisfies Record<string, { service: PricedService; usagetype: string }>;

export type RateCard = { readonly [K in keyof typeof RATE_SOURCES]: UnitPrice };

/** Which price list the prices came from, as the report names it. */
export interface PriceListDescription {
  readonly region: string;
  readonly fetchedAt: string;
  readonly publications: readonly { readonly service: PricedService; readonly publicationDate: string; readonly version: string }[];
}

/**
 * `usagetype` is the wanted type, with nothing before it but a billing-region code and an optional
 * `CW:` (CloudWatch writes `APS2-CW:AlarmMonitorUsage`). `IA-` before it is the Standard-IA table
 * class, and a longer name (`HighResAlarmMonitorUsage`, `DashboardsUsageHour-Basic`) is another product.
 */
function isUsageType(actual: string | undefined, wanted: string): boolean {
  if (actual === undefined) return false;
  const match = /^(?:([A-Z0-9]+)-)?(?:CW:)?(.+)$/.exec(actual);
  return match !== null && match[2] === wanted && match[1] !== "IA";
}

/** The first paid tier: free tiers are shared by the whole account and region, so they are left out. */
function firstPaidPrice(products: readonly PricedProduct[]): UnitPrice | undefined {
  const tiers = products.flatMap((product) =>
    product.dimensions
      .filter((dimension) => dimension.usd > 0)
      .map((dimension) => ({ dimension, usagetype: product.attributes["usagetype"] ?? "" })),
  );
  tiers.sort((a, b) => a.dimension.beginRange - b.dimension.beginRange);
  const first = tiers[0];
  return first && { usd: first.dimension.usd, unit: first.dimension.unit, usagetype: first.usagetype, description: first.dimension.description };
}

/** Picks every price the report needs; a missing one stops the run naming the usage type. */
export function buildRateCard(snapshot: PriceListSnapshot): { rates: RateCard; priceList: PriceListDescription } {
  const products = Object.fromEntries(
    PRICED_SERVICES.map((service) => [service, snapshot.items[service].map(parsePriceListItem)]),
  ) as Record<PricedService, PricedProduct[]>;
  const entries = Object.entries(RATE_SOURCES).map(([name, source]) => {
    // The queries already kept the region's products (and the region-less dashboard).
    const candidates = products[source.service].filter((product) => isUsageType(product.attributes["usagetype"], source.usagetype));
    const price = firstPaidPrice(candidates);
    if (!price) {
      throw new CostReportError(
        `the ${source.service} price list for ${snapshot.region} has no paid price with usage type '${source.usagetype}' (${name}). ` +
          "The price list may have changed: run again without --prices, or report it",
      );
    }
    return [name, price] as const;
  });
  const publications = PRICED_SERVICES.map((service) => {
    const latest = [...products[service]].sort((a, b) => b.publicationDate.localeCompare(a.publicationDate))[0];
    return { service, publicationDate: latest?.publicationDate ?? "unknown", version: latest?.version ?? "unknown" };
  });
  return {
    rates: Object.fromEntries(entries) as unknown as RateCard,
    priceList: { region: snapshot.region, fetchedAt: snapshot.fetchedAt, publications },
  };
}
