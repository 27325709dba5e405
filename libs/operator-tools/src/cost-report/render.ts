import { formatUsd, type TableCost } from "./estimate/table-cost";
import type { CostReport } from "./report";

function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ").trimEnd());
}

const units = (n: number) => Math.round(n).toLocaleString("en-US");

function tableSection(table: TableCost): string[] {
  const gb = (table.sizeBytes / 1024 ** 3).toFixed(2);
  const capacity = columns([
    ["", "provisioned RCU/WCU", "consumed RCU/WCU in window", "provisioned $/month", "on-demand $/month"],
    ...table.indexes.map((l) => [
      l.index ? `  GSI ${l.index}` : "  table",
      `${l.provisionedRead}/${l.provisionedWrite}`,
      `${units(l.consumedRead)}/${units(l.consumedWrite)}`,
      formatUsd(l.provisionedUsd),
      formatUsd(l.onDemandUsd),
    ]),
  ]);
  const money = columns([
    ["", "now", "on-demand", "difference"],
    ["  per month (with storage)", formatUsd(table.nowUsd), formatUsd(table.onDemandUsd), formatUsd(table.differenceUsd)],
  ]);
  return [
    `${table.table}${table.physicalName === table.table ? "" : ` (${table.physicalName})`}: ${table.billingMode}, ${units(table.itemCount)} items, ${gb} GB, storage ${formatUsd(table.storageUsd)} a month`,
    ...capacity,
    ...money,
    `  hours with no data: ${table.hoursWithoutData} of ${table.windowHours} (counted as 0)`,
    ...table.incomplete.map((reason) => `  usage INCOMPLETE: ${reason}`),
    ...table.indexesNotYetCreated.map((name) => `  GSI ${name} is in the spec but not on the table yet: its traffic is not in this estimate`),
    `  verdict: ${table.verdict}`,
  ];
}

/** The report for people: one block per table, the totals, the added features, the approximations. */
export function renderText(report: CostReport): string {
  const publications = report.priceList.publications
    .map((p) => `${p.service} published ${p.publicationDate} (version ${p.version})`)
    .join(", ");
  const features = columns([
    ["feature", "quantity a month", "price", "$/month"],
    ...report.addedFeatures.map((f) => [
      f.table ? `${f.feature} (${f.table})` : f.feature,
      `${f.quantity.toLocaleString("en-US", { maximumFractionDigits: 2 })} ${f.unit}`,
      `$${f.price.usd.toLocaleString("en-US", { maximumSignificantDigits: 6, maximumFractionDigits: 12 })} per ${f.price.unit} (${f.price.usagetype})`,
      formatUsd(f.monthlyUsd),
    ]),
  ]);
  const t = report.totals;
  const incomplete = report.tables.filter((table) => table.incomplete.length > 0).map((table) => table.table);
  return [
    `Cost report for stack ${report.stack} (${report.region}), USD a month`,
    ...(incomplete.length > 0 ? [`INCOMPLETE: the usage of ${incomplete.join(", ")} could not be read completely; those tables get no verdict and the totals are lower bounds`] : []),
    `Usage: the last ${report.window.days} days, ${report.window.start} to ${report.window.end}`,
    `Prices: ${report.priceList.source}, fetched ${report.priceList.fetchedAt}: ${publications}`,
    "",
    ...report.tables.flatMap((table) => [...tableSection(table), ""]),
    "Totals",
    ...columns([
      ["", "now", "on-demand", "difference"],
      ["  tables", formatUsd(t.nowUsd), formatUsd(t.onDemandUsd), formatUsd(t.differenceUsd)],
    ]),
    "",
    "Recurring costs the refactor adds",
    ...features.map((row) => `  ${row}`),
    `  total ${formatUsd(t.addedFeaturesUsd)} a month; after the refactor (on-demand + these): ${formatUsd(t.afterRefactorUsd)} a month, now ${formatUsd(t.nowUsd)}`,
    "",
    "Approximations",
    ...report.approximations.map((a) => `  - ${a}`),
  ].join("\n");
}

export function renderJson(report: CostReport): string {
  return JSON.stringify(report, null, 2);
}
