import { loadPolicy } from "@cloud-copilot/iam-policy";
import type { RegisteredResource } from "@dynamodb-platform/program-runner";

type Inputs = Record<string, unknown>;

/** `aws:dynamodb/table:Table` → `dynamodb:Table`. */
export function shortType(type: string): string {
  const match = /^aws:([a-zA-Z0-9]+)\/[a-zA-Z0-9]+:([A-Za-z0-9]+)$/.exec(type);
  return match ? `${match[1]}:${match[2]}` : type;
}

/** `arn:aws:dynamodb:ap-southeast-2:123:table/events/index/*` → `table/events/index/*`. */
function shortArn(arn: string): string {
  return arn === "*" ? "*" : (arn.split(":").slice(5).join(":") || arn);
}

function keySchema(inputs: Inputs): string {
  const types = new Map(((inputs["attributes"] ?? []) as { name: string; type: string }[]).map((a) => [a.name, a.type]));
  const key = (name: unknown) => (typeof name === "string" ? `${name}(${types.get(name) ?? "?"})` : undefined);
  return [key(inputs["hashKey"]), key(inputs["rangeKey"])].filter(Boolean).join("+");
}

function table(resource: RegisteredResource): string[] {
  const inputs = resource.inputs;
  const pitr = inputs["pointInTimeRecovery"] as { enabled: boolean; recoveryPeriodInDays?: number } | undefined;
  const sse = inputs["serverSideEncryption"] as { enabled?: boolean; kmsKeyArn?: string } | undefined;
  const indexes = ((inputs["globalSecondaryIndexes"] ?? []) as { name: string; keySchemas: { attributeName: string }[]; projectionType: string }[]).map(
    (index) => `${index.name}(${index.keySchemas.map((k) => k.attributeName).join("+")}, ${index.projectionType})`,
  );
  return [
    `name=${String(inputs["name"])}`,
    `billing=${String(inputs["billingMode"])}`,
    `key=${keySchema(inputs)}`,
    `stream=${inputs["streamEnabled"] ? String(inputs["streamViewType"]) : "off"}`,
    `pitr=${pitr?.enabled ? `${pitr.recoveryPeriodInDays ?? 35}d` : "off"}`,
    `sse=${sse?.enabled ? (sse.kmsKeyArn ? "customer-key" : "aws-managed-key") : "aws-owned-key"}`,
    ...(indexes.length > 0 ? [`gsi=${indexes.join(",")}`] : []),
    ...(resource.importId ? [`IMPORT id=${resource.importId}`] : []),
    ...(resource.ignoreChanges?.length ? [`keeps-live=${resource.ignoreChanges.join(",")}`] : []),
    ...(resource.customTimeouts?.update ? [`update-timeout=${resource.customTimeouts.update}`] : []),
  ];
}

function alarm(inputs: Inputs): string[] {
  const queries = (inputs["metricQueries"] ?? []) as { id: string; expression?: string; returnData?: boolean; metric?: Inputs }[];
  // The watched query first (e.g. FILL(m, 0)), then what it reads, so the plan shows how missing data counts.
  const query = (q: (typeof queries)[number]) =>
    (q.returnData === true ? "" : `${q.id}=`) +
    (q.expression ?? `${String(q.metric?.["namespace"])}/${String(q.metric?.["metricName"])} ${String(q.metric?.["stat"])}/${String(q.metric?.["period"])}s`);
  const metric = queries.length > 0
    ? `query=${[...queries].sort((a, b) => Number(b.returnData === true) - Number(a.returnData === true)).map(query).join(" ; ")}`
    : `metric=${String(inputs["namespace"])}/${String(inputs["metricName"])} ${String(inputs["statistic"])}/${String(inputs["period"])}s dims=${JSON.stringify(inputs["dimensions"] ?? {})}`;
  const periods = inputs["evaluationPeriods"];
  const datapoints = inputs["datapointsToAlarm"] ?? periods;
  return [
    `name=${String(inputs["name"])}`,
    metric,
    `fires=${String(inputs["comparisonOperator"])} ${String(inputs["threshold"])} in ${String(datapoints)} of ${String(periods)} periods`,
    `actions=${((inputs["alarmActions"] ?? []) as string[]).map(shortArn).join(",") || "NONE"}`,
  ];
}

function policy(inputs: Inputs): string[] {
  const document = JSON.parse(String(inputs["policy"])) as { Statement: { Sid?: string; Action: string[]; Resource: string[] }[] };
  return document.Statement.map(
    (s) => `${s.Sid ?? "statement"}: ${s.Action.map((a) => a.replace(/^dynamodb:/, "")).join(",")} on ${s.Resource.map(shortArn).join(",")}`,
  );
}

function trust(inputs: Inputs): string[] {
  const principals = loadPolicy(JSON.parse(String(inputs["assumeRolePolicy"])))
    .statements()
    .flatMap((statement) => (statement.isPrincipalStatement() ? statement.principals().map((principal) => `${principal.type()}:${principal.value()}`) : []));
  return [`name=${String(inputs["name"])}`, `assumable-by=${principals.join(",")}`];
}

/** The dashboard's name and one line per widget, top to bottom, from the planned body. */
function dashboard(inputs: Inputs): string[] {
  const body = JSON.parse(String(inputs["dashboardBody"])) as { widgets: { type: string; x: number; y: number; properties: { title?: string; markdown?: string } }[] };
  const title = (widget: (typeof body.widgets)[number]) => widget.properties.title ?? widget.properties.markdown?.split("\n")[0].replace(/^#+\s*/, "") ?? "";
  return [`name=${String(inputs["dashboardName"])} widgets=${body.widgets.length}`, ...body.widgets.map((w) => `${w.type} at (${w.x},${w.y}): ${title(w)}`)];
}

/** The properties that matter for review, per resource type. */
export function summarize(resource: RegisteredResource): string[] {
  const inputs = resource.inputs;
  switch (resource.type) {
    case "aws:dynamodb/table:Table":
      return table(resource);
    case "aws:dynamodb/contributorInsights:ContributorInsights":
      return [`table=${String(inputs["tableName"])}`, `mode=${String(inputs["mode"])}`];
    case "aws:cloudwatch/metricAlarm:MetricAlarm":
      return alarm(inputs);
    case "aws:cloudwatch/dashboard:Dashboard":
      return dashboard(inputs);
    case "aws:sns/topic:Topic":
      return [`name=${String(inputs["name"])}`, `kms=${(inputs["kmsMasterKeyId"] as string | undefined) ?? "none"}`];
    case "aws:sns/topicSubscription:TopicSubscription":
      return [`${String(inputs["protocol"])}=${String(inputs["endpoint"])}`];
    case "aws:iam/role:Role":
      return trust(inputs);
    case "aws:iam/rolePolicy:RolePolicy":
      return [`role=${String(inputs["role"])}`, ...policy(inputs)];
    case "pulumi:pulumi:StackReference":
      return [`reads=${String(inputs["name"])}`];
    default:
      return [];
  }
}
