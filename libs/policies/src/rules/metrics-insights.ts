/** The metric a Metrics Insights query reads, as far as its SELECT and FROM clauses say. */
export interface InsightsSource {
  readonly metricName: string;
  readonly namespace: string;
  /**
   * The exact dimension set of `FROM SCHEMA(namespace, dims...)`, which matches only metrics with
   * exactly these dimensions; undefined for `FROM namespace` (any dimension set).
   */
  readonly dimensionKeys?: readonly string[];
}

const unquote = (token: string): string => token.trim().replace(/^"(.*)"$/, "$1");

// SELECT FUNCTION(metric) FROM SCHEMA("namespace", dim, ...) | FROM "namespace" ... (CloudWatch
// User Guide, "Metrics Insights query components and syntax").
const QUERY = /^\s*SELECT\s+\w+\s*\(\s*("[^"]+"|[\w.-]+)\s*\)\s+FROM\s+(?:SCHEMA\s*\(([^)]*)\)|("[^"]+"|[\w./-]+))/i;

/** Parses a Metrics Insights query; undefined for a metric math expression or anything else. */
export function parseInsightsQuery(expression: string): InsightsSource | undefined {
  const match = QUERY.exec(expression);
  if (!match) return undefined;
  const metricName = unquote(match[1]);
  if (match[2] !== undefined) {
    const [namespace, ...dimensionKeys] = match[2].split(",").map(unquote);
    return { metricName, namespace, dimensionKeys };
  }
  return { metricName, namespace: unquote(match[3]) };
}
