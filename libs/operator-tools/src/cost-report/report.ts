import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { ConfigError, StackFileError } from "@dynamodb-platform/platform";
import { LiveAccountError, awsClientConfig, type RetryMode } from "../live-account";
import { planDeclaredState, type DeclaredState } from "@dynamodb-platform/offline-plan";
import { addedFeatures, type FeatureCost } from "./estimate/added-features";
import { APPROXIMATIONS } from "./estimate/approximations";
import { tableCost, type TableCost } from "./estimate/table-cost";
import type { CostReportOptions } from "./options";
import { fetchPriceList } from "./price-list/fetch-price-list";
import { loadPriceList, savePriceList, type PriceListSnapshot } from "./price-list/price-list-file";
import { buildRateCard, type PriceListDescription } from "./price-list/rate-card";
import { DEFAULT_RETRY, usageWindow, type RetryPolicy } from "./usage/consumed-capacity";
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
  /** False when a table's usage could not be read completely: those tables have no verdict and the totals are lower bounds. */
  readonly complete: boolean;
}

/** What the report reads besides the account: the stacks' declared state, and how it waits between retries. */
export interface ReportSources {
  readonly declare: (stack: string) => Promise<DeclaredState>;
  readonly retry: RetryPolicy;
  /** How the AWS clients retry: "adaptive" for the tool; the moto tier's "immediate", the same attempts without waits (awsClientConfig). */
  readonly retryMode: RetryMode;
}

export const LIVE_SOURCES: ReportSources = {
  declare: async (stack) => {
    try {
      return await planDeclaredState({ stack });
    } catch (error) {
      if (error instanceof ConfigError || error instanceof StackFileError) throw error;
      throw new LiveAccountError(`the offline plan of stack '${stack}' failed, so the report does not know what the stacks declare: ${(error as Error).message.split("\n")[0]}`);
    }
  },
  retry: DEFAULT_RETRY,
  retryMode: "adaptive",
};

async function priceList(options: CostReportOptions, region: string, now: Date): Promise<{ snapshot: PriceListSnapshot; source: string }> {
  if (options.pricesFile !== undefined) {
    return { snapshot: loadPriceList(options.pricesFile, region), source: `saved file ${options.pricesFile}` };
  }
  const snapshot = await fetchPriceList(region, now);
  if (options.savePricesFile !== undefined) savePriceList(options.savePricesFile, snapshot);
  return { snapshot, source: "AWS Price List API (GetProducts)" };
}

const sum = <T>(items: readonly T[], of: (item: T) => number) => items.reduce((total, item) => total + of(item), 0);

/**
 * Reads the live account and the price list, and estimates the cost now and on-demand of each
 * table the data stack declares, plus the monitoring the monitoring stack declares.
 */
export async function buildCostReport(options: CostReportOptions, now: Date = new Date(), sources: ReportSources = LIVE_SOURCES): Promise<CostReport> {
  const declared = await sources.declare(options.stack);
  const context = { region: declared.region };
  // Prices first: a bad --prices file stops the run before any call to the account.
  const { snapshot, source } = await priceList(options, context.region, now);
  const { rates, priceList: description } = buildRateCard(snapshot);
  const window = usageWindow(now, options.days);
  const clients = {
    dynamodb: new DynamoDBClient(awsClientConfig(context.region, sources.retryMode)),
    cloudwatch: new CloudWatchClient(awsClientConfig(context.region, sources.retryMode)),
  };
  const usages = [];
  for (const table of declared.tables) usages.push(await readTableUsage(clients, table, window, sources.retry));
  const tables = usages.map((usage) => tableCost(usage, rates, window.hours));
  const features = addedFeatures(usages, declared, rates, window.hours);
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
    complete: tables.every((table) => table.incomplete.length === 0),
  };
}
