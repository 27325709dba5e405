import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { awsClientConfig, readStackContext } from "@dynamodb-platform/live-account";
import { addedFeatures, type FeatureCost } from "./estimate/added-features";
import { APPROXIMATIONS } from "./estimate/approximations";
import { tableCost, type TableCost } from "./estimate/table-cost";
import type { CostReportOptions } from "./options";
import { fetchPriceList } from "./price-list/fetch-price-list";
import { loadPriceList, savePriceList, type PriceListSnapshot } from "./price-list/price-list-file";
import { buildRateCard, type PriceListDescription } from "./price-list/rate-card";
import { usageWindow } from "./usage/consumed-capacity";
import { readTableUsage } from "./usage/table-usage";

export interface CostReport {
  readonly stack: string;
  readonly region: string;
  readonly window: { readonly days: number; readonly start: string; readonly end: string; readonly hours: number };
  readonly priceList: PriceListDescription & { readonly source: string };
  readonly tables: readonly TableCost[];
  readonly addedFeatures: readonly FeatureCost[];
  readonly totals: {
    readonly nowUsd: number;
    readonly onDemandUsd: number;
    readonly differenceUsd: number;
    readonly addedFeaturesUsd: number;
    /** On-demand plus the added features: the monthly cost after the refactor. */
    readonly afterRefactorUsd: number;
  };
  readonly approximations: readonly string[];
}

async function priceList(options: CostReportOptions, region: string, now: Date): Promise<{ snapshot: PriceListSnapshot; source: string }> {
  if (options.pricesFile !== undefined) {
    return { snapshot: loadPriceList(options.pricesFile, region), source: `saved file ${options.pricesFile}` };
  }
  const snapshot = await fetchPriceList(region, now);
  if (options.savePricesFile !== undefined) savePriceList(options.savePricesFile, snapshot);
  return { snapshot, source: "AWS Price List API (GetProducts)" };
}

const sum = <T>(items: readonly T[], of: (item: T) => number) => items.reduce((total, item) => total + of(item), 0);

/** Reads the live account and the price list, and estimates each table's cost now and on-demand. */
export async function buildCostReport(options: CostReportOptions, now: Date = new Date()): Promise<CostReport> {
  const context = readStackContext(options.stack);
  // Prices first: a bad --prices file stops the run before any call to the account.
  const { snapshot, source } = await priceList(options, context.region, now);
  const { rates, priceList: description } = buildRateCard(snapshot);
  const window = usageWindow(now, options.days);
  const clients = {
    dynamodb: new DynamoDBClient(awsClientConfig(context.region)),
    cloudwatch: new CloudWatchClient(awsClientConfig(context.region)),
  };
  const usages = [];
  for (const table of context.tables) usages.push(await readTableUsage(clients, table, window));
  const tables = usages.map((usage) => tableCost(usage, rates, window.hours));
  const features = addedFeatures(usages, rates, window.hours);
  const onDemandUsd = sum(tables, (t) => t.onDemandUsd);
  const addedFeaturesUsd = sum(features, (f) => f.monthlyUsd);
  const nowUsd = sum(tables, (t) => t.nowUsd);
  return {
    stack: options.stack,
    region: context.region,
    window: { days: options.days, start: window.start.toISOString(), end: window.end.toISOString(), hours: window.hours },
    priceList: { ...description, source },
    tables,
    addedFeatures: features,
    totals: { nowUsd, onDemandUsd, differenceUsd: onDemandUsd - nowUsd, addedFeaturesUsd, afterRefactorUsd: onDemandUsd + addedFeaturesUsd },
    approximations: APPROXIMATIONS,
  };
}
