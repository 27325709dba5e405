import { ALARM_PERIOD_SECONDS, DYNAMODB_NAMESPACE, DYNAMODB_TABLE_OPERATIONS, systemErrorsQuery } from "@dynamodb-platform/platform";
import type { GraphedSeries, MetricStat, WidgetDefinition } from "./body";

/** DynamoDB aggregates these metrics per minute; a finer period shows nothing more. */
export const PERIOD_SECONDS = 60;
const HEIGHT = 6;

function tableMetric(metricName: string, dimensions: Record<string, string>, options: MetricStat["options"]): MetricStat {
  return { namespace: DYNAMODB_NAMESPACE, metricName, dimensions, options };
}

function graph(title: string, region: string, width: number, series: GraphedSeries[], stat?: string): WidgetDefinition {
  return { type: "metric", width, height: HEIGHT, properties: { title, region, view: "timeSeries", stacked: false, period: PERIOD_SECONDS, stat, series } };
}

/**
 * Consumed units per second: DynamoDB publishes the Sum per minute, so the graph divides by the
 * period (AWS DynamoDB Developer Guide, ConsumedReadCapacityUnits: "get the Sum ... and divide it
 * by the number of seconds"). TableName alone covers the table without its indexes.
 */
function consumedUnits(table: string, region: string): WidgetDefinition {
  const units = (metricName: string, id: string) => tableMetric(metricName, { TableName: table }, { id, stat: "Sum", visible: false });
  return graph(`${table}: consumed units per second`, region, 4, [
    units("ConsumedReadCapacityUnits", "reads"),
    units("ConsumedWriteCapacityUnits", "writes"),
    { expression: "reads / PERIOD(reads)", id: "readsPerSecond", label: "read units/s" },
    { expression: "writes / PERIOD(writes)", id: "writesPerSecond", label: "write units/s" },
  ]);
}

function throttles(table: string, region: string): WidgetDefinition {
  return graph(`${table}: throttle events`, region, 4, [
    tableMetric("ReadThrottleEvents", { TableName: table }, { label: "read throttle events" }),
    tableMetric("WriteThrottleEvents", { TableName: table }, { label: "write throttle events" }),
  ], "Sum");
}

/** DynamoDB publishes latency only per TableName + Operation: one line per operation. */
function latency(table: string, region: string, stat: "p50" | "p99"): WidgetDefinition {
  const series = DYNAMODB_TABLE_OPERATIONS.map((operation) => tableMetric("SuccessfulRequestLatency", { TableName: table, Operation: operation }, { label: operation }));
  return graph(`${table}: successful request latency ${stat} (ms)`, region, 6, series, stat);
}

/** The alarm's own query and period, so the graph shows exactly what the alarm judges. */
function systemErrors(table: string, region: string): WidgetDefinition {
  return graph(`${table}: system errors (HTTP 500), all operations`, region, 4, [
    { expression: systemErrorsQuery(table), id: "systemErrors", label: "SystemErrors", period: ALARM_PERIOD_SECONDS },
  ]);
}

/** One row of the dashboard for one table of the data stack, by its physical name. */
export function tableRow(table: string, region: string): WidgetDefinition[] {
  return [consumedUnits(table, region), throttles(table, region), latency(table, region, "p50"), latency(table, region, "p99"), systemErrors(table, region)];
}
