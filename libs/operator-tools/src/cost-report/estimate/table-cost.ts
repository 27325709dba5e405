import type { RateCard } from "../price-list/rate-card";
import type { BillingMode } from "../usage/describe-table";
import type { CapacityUsage, TableUsage } from "../usage/table-usage";
import { BYTES_PER_GB, HOURS_PER_MONTH, perMonth } from "./month";

/** One table's monthly cost as it is and as on-demand, with the numbers behind it. */
export interface TableCost {
  readonly table: string;
  readonly physicalName: string;
  readonly billingMode: BillingMode;
  readonly indexes: readonly IndexLine[];
  readonly itemCount: number;
  readonly sizeBytes: number;
  readonly storageUsd: number;
  readonly nowUsd: number;
  readonly onDemandUsd: number;
  /** On-demand minus now: negative is a saving. */
  readonly differenceUsd: number;
  readonly verdict: string;
  readonly hoursWithoutData: number;
  readonly windowHours: number;
  readonly indexesNotYetCreated: readonly string[];
  /** Why the usage behind these numbers is not the whole window's; empty when it is. */
  readonly incomplete: readonly string[];
}

/** The table itself (`index` undefined) or one GSI: capacity today and what it consumed. */
export interface IndexLine {
  readonly index?: string;
  readonly provisionedRead: number;
  readonly provisionedWrite: number;
  readonly consumedRead: number;
  readonly consumedWrite: number;
  readonly provisionedUsd: number;
  readonly onDemandUsd: number;
}

function line(holder: CapacityUsage, billingMode: BillingMode, rates: RateCard, windowHours: number): IndexLine {
  const provisionedUsd =
    billingMode === "PROVISIONED"
      ? (holder.provisionedRead * rates.provisionedReadHour.usd + holder.provisionedWrite * rates.provisionedWriteHour.usd) * HOURS_PER_MONTH
      : 0;
  // Consumed capacity units stand in for request units (see the approximations).
  const onDemandUsd = perMonth(
    holder.consumed.read * rates.readRequestUnit.usd + holder.consumed.write * rates.writeRequestUnit.usd,
    windowHours,
  );
  return {
    ...(holder.indexName !== undefined ? { index: holder.indexName } : {}),
    provisionedRead: holder.provisionedRead,
    provisionedWrite: holder.provisionedWrite,
    consumedRead: holder.consumed.read,
    consumedWrite: holder.consumed.write,
    provisionedUsd,
    onDemandUsd,
  };
}

/** A difference that rounds to $0.00: a cent or more is always shown, however small. */
const cents = (usd: number) => Math.round(Math.abs(usd) * 100) / 100;

export function formatUsd(usd: number): string {
  const sign = usd < 0 ? "-" : "";
  return `${sign}$${Math.abs(usd).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The plain sentence a reader acts on; none when the usage is incomplete, since the on-demand figure is then a lower bound. */
export function verdict(billingMode: BillingMode, nowUsd: number, differenceUsd: number, incomplete: readonly string[] = []): string {
  if (incomplete.length > 0) return "no verdict: the usage data is incomplete, so the on-demand figure is only a lower bound";
  if (billingMode === "PAY_PER_REQUEST") return `already on-demand: about ${formatUsd(nowUsd)} a month`;
  if (cents(differenceUsd) === 0) return "on-demand costs the same";
  return differenceUsd < 0
    ? `on-demand saves ${formatUsd(-differenceUsd)} a month`
    : `on-demand costs ${formatUsd(differenceUsd)} more: the table is steadily busy, consider staying provisioned`;
}

export function tableCost(usage: TableUsage, rates: RateCard, windowHours: number): TableCost {
  const holders = [usage.table, ...usage.indexes];
  const lines = holders.map((holder) => line(holder, usage.billingMode, rates, windowHours));
  const sizeBytes = holders.reduce((total, holder) => total + holder.sizeBytes, 0);
  const storageUsd = (sizeBytes / BYTES_PER_GB) * rates.storageGbMonth.usd;
  const onDemandUsd = lines.reduce((total, l) => total + l.onDemandUsd, 0) + storageUsd;
  const nowUsd = usage.billingMode === "PROVISIONED" ? lines.reduce((total, l) => total + l.provisionedUsd, 0) + storageUsd : onDemandUsd;
  const differenceUsd = onDemandUsd - nowUsd;
  return {
    table: usage.spec.key,
    physicalName: usage.physicalName,
    billingMode: usage.billingMode,
    indexes: lines,
    itemCount: usage.table.itemCount,
    sizeBytes,
    storageUsd,
    nowUsd,
    onDemandUsd,
    differenceUsd,
    verdict: verdict(usage.billingMode, nowUsd, differenceUsd, usage.incomplete),
    hoursWithoutData: usage.table.consumed.hoursWithoutData,
    windowHours,
    indexesNotYetCreated: usage.indexesNotYetCreated,
    incomplete: usage.incomplete,
  };
}
