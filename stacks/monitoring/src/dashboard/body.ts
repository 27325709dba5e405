/**
 * The CloudWatch dashboard body as typed data, after AWS's "Dashboard Body Structure and Syntax"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html).
 * Only the parts this dashboard uses; the body is serialised once, by serializeDashboard.
 */

/** Rendering options, the optional last element of a metrics-array row. */
export interface MetricOptions {
  readonly id?: string;
  readonly stat?: string;
  readonly label?: string;
  readonly visible?: boolean;
  readonly period?: number;
}

/** One metric with its complete dimension set: the identity CloudWatch matches data on. */
export interface MetricStat {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly options?: MetricOptions;
}

/** Metric math, a SEARCH or a Metrics Insights query, as a row of its own. */
export interface MetricExpression {
  readonly expression: string;
  readonly id: string;
  readonly label?: string;
  readonly period?: number;
}

export type GraphedSeries = MetricStat | MetricExpression;

export interface MetricWidgetProperties {
  readonly title: string;
  readonly region: string;
  readonly view: "timeSeries" | "singleValue";
  readonly stacked: boolean;
  readonly period: number;
  readonly stat?: string;
  readonly series: readonly GraphedSeries[];
}

export interface AlarmWidgetProperties {
  readonly title: string;
  /** Alarm ARNs, 1 to 100 per widget. */
  readonly alarms: readonly string[];
  readonly sortBy: "default" | "stateUpdatedTimestamp" | "timestamp";
}

export interface TextWidgetProperties {
  readonly markdown: string;
}

/** A widget before layout: its kind, properties and size in grid units (24 columns wide). */
export type WidgetDefinition = { readonly width: number; readonly height: number } & (
  | { readonly type: "metric"; readonly properties: MetricWidgetProperties }
  | { readonly type: "alarm"; readonly properties: AlarmWidgetProperties }
  | { readonly type: "text"; readonly properties: TextWidgetProperties }
);

export type PlacedWidget = WidgetDefinition & { readonly x: number; readonly y: number };

export interface DashboardDefinition {
  readonly start: string;
  readonly periodOverride: "auto" | "inherit";
  readonly widgets: readonly PlacedWidget[];
}

export function isExpression(series: GraphedSeries): series is MetricExpression {
  return "expression" in series;
}

/** `[namespace, metricName, dim1, value1, ..., options?]`, the row format of a metrics array. */
function metricRow(series: GraphedSeries): unknown[] {
  if (isExpression(series)) return [series];
  const dimensions = Object.entries(series.dimensions).flat();
  return [series.namespace, series.metricName, ...dimensions, ...(series.options ? [series.options] : [])];
}

function widgetJson(widget: PlacedWidget): object {
  const { x, y, width, height, type } = widget;
  if (widget.type !== "metric") return { type, x, y, width, height, properties: widget.properties };
  const { series, ...rest } = widget.properties;
  return { type, x, y, width, height, properties: { ...rest, metrics: series.map(metricRow) } };
}

/** The DashboardBody string PutDashboard takes. */
export function serializeDashboard(dashboard: DashboardDefinition): string {
  return JSON.stringify({ start: dashboard.start, periodOverride: dashboard.periodOverride, widgets: dashboard.widgets.map(widgetJson) });
}
