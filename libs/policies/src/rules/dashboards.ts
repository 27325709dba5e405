import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { DYNAMODB_NAMESPACE, describeDimensionSet, describePublishedSets, isPublishedDynamoDbMetric } from "./dynamodb-metrics";
import { parseInsightsQuery } from "./metrics-insights";
import { DASHBOARD, violation, type PlatformPolicy } from "./rule";

/** One metric a dashboard graphs: from a metrics-array row, a Metrics Insights query or a SEARCH. */
interface GraphedMetric {
  readonly widget: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensionNames: readonly string[];
}

type Row = readonly unknown[];

/**
 * A metrics-array row is `[namespace, name, dimName, dimValue, ..., {options}?]`, where "." repeats
 * the value at the same position in the row above, or `[{ expression, id, ... }]` (CloudWatch
 * "Dashboard Body Structure and Syntax", "Metric Widget: Format for Each Metric in the Array").
 */
function plainRow(row: Row, previous: readonly string[]): string[] {
  const strings = row.filter((item): item is string => typeof item === "string");
  return strings.map((item, i) => (item === "." ? (previous[i] ?? item) : item));
}

const SEARCH = /SEARCH\s*\(\s*'\s*\{([^}]*)\}([^']*)'/i;

/**
 * The metric an expression reads, where the expression fixes it: a Metrics Insights
 * `FROM SCHEMA(namespace, dims...)` matches exactly that dimension set, and so does a SEARCH
 * `{namespace,dims...} MetricName="..."`. Other math reads metrics that have their own rows.
 */
function expressionMetric(expression: string): Omit<GraphedMetric, "widget"> | undefined {
  const insights = parseInsightsQuery(expression);
  if (insights?.dimensionKeys) return { namespace: insights.namespace, metricName: insights.metricName, dimensionNames: insights.dimensionKeys };
  const search = SEARCH.exec(expression);
  const metricName = search ? /MetricName\s*=\s*"?([A-Za-z0-9_]+)"?/.exec(search[2])?.[1] : undefined;
  if (search && metricName) {
    const [namespace, ...dimensionNames] = search[1].split(",").map((part) => part.trim().replace(/^"|"$/g, ""));
    return { namespace, metricName, dimensionNames };
  }
  return undefined;
}

/** Every metric the widgets of a dashboard body graph. Throws SyntaxError when the body is not JSON. */
function graphedMetrics(dashboardBody: string): GraphedMetric[] {
  const body = JSON.parse(dashboardBody) as { widgets?: { properties?: { title?: string; metrics?: Row[] } }[] };
  const graphed: GraphedMetric[] = [];
  (body.widgets ?? []).forEach((widget, index) => {
    const title = widget.properties?.title ?? `widget ${index}`;
    let previous: string[] = [];
    for (const row of widget.properties?.metrics ?? []) {
      const first = row[0] as { expression?: unknown } | undefined;
      if (typeof first === "object" && first !== null && typeof first.expression === "string") {
        const metric = expressionMetric(first.expression);
        if (metric) graphed.push({ widget: title, ...metric });
        continue;
      }
      const [namespace, metricName, ...dimensions] = plainRow(row, previous);
      previous = [namespace, metricName, ...dimensions];
      graphed.push({ widget: title, namespace, metricName, dimensionNames: dimensions.filter((_, i) => i % 2 === 0) });
    }
  });
  return graphed;
}

function fixFor(metricName: string): string {
  const sets = describePublishedSets(metricName);
  if (sets === "") return `${metricName} is not a metric DynamoDB publishes (or add it to libs/policies/src/rules/dynamodb-metrics.ts with its dimension sets)`;
  return `graph ${metricName} by ${sets}`;
}

/** A widget on a dimension set DynamoDB never publishes shows an empty graph forever. */
export const dashboardsOnPublishedMetrics: PlatformPolicy = {
  name: "dashboards-on-published-dynamodb-metrics",
  description: "No dashboard widget graphs a DynamoDB metric by a dimension set DynamoDB never publishes (it would stay empty).",
  enforcementLevel: "mandatory",
  validateResource: validateResourceOfType(aws.cloudwatch.Dashboard, (dashboard, args, reportViolation) => {
    const body: unknown = dashboard.dashboardBody;
    // Unknown during a preview while its inputs are computed; `pulumi up` judges the resolved body.
    if (typeof body !== "string") return;
    let graphed: GraphedMetric[];
    try {
      graphed = graphedMetrics(body);
    } catch {
      reportViolation(violation(DASHBOARD, args.name, "has a dashboardBody that is not JSON", "build the body with JSON.stringify from typed widgets"));
      return;
    }
    for (const metric of graphed) {
      if (metric.namespace !== DYNAMODB_NAMESPACE || isPublishedDynamoDbMetric(metric.metricName, metric.dimensionNames)) continue;
      reportViolation(
        violation(
          DASHBOARD,
          args.name,
          `graphs ${metric.metricName} by ${describeDimensionSet(metric.dimensionNames)} in '${metric.widget}', which DynamoDB never publishes (the graph stays empty)`,
          fixFor(metric.metricName),
        ),
      );
    }
  }),
};
