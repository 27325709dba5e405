import * as path from "node:path";
import { DATA_PROJECT, PIPELINE_STACKS, STACK_PROJECTS } from "@dynamodb-platform/platform";
import { MOCK_ACCOUNT_ID, resourcesOfType, type ProgramRun, type RegisteredResource, type StackProgram } from "@dynamodb-platform/program-runner";
import type { ContributorInsightsMode, GlobalIndexSpec, KeyAttribute, StreamViewType } from "@dynamodb-platform/platform";
import { ConfigError, StackFileError, readStackFiles } from "@dynamodb-platform/platform";
import { StackPlanFailure, planStacks } from "./plan-stacks";
import { discoverStackProjects, loadStackProgram, type StackProject } from "./stack-projects";

/**
 * What the stacks of one commit declare for one stack name, read from their real programs run
 * under mocks (the offline plan): the one description of "deployed correctly" that verify and the
 * cost report judge the live account against. Nothing here is written by hand: a threshold, a
 * period or a table changed in a stack changes these values.
 */
export interface DeclaredState {
  readonly stack: string;
  readonly region: string;
  readonly tables: readonly DeclaredTable[];
  readonly alarms: readonly DeclaredAlarm[];
  readonly topics: readonly DeclaredTopic[];
  readonly dashboards: readonly string[];
  readonly roles: readonly DeclaredRole[];
}

/** A table as the data stack registers it (aws.dynamodb.Table inputs and its ContributorInsights). */
export interface DeclaredTable {
  readonly key: string;
  readonly physicalName: string;
  readonly hashKey: KeyAttribute;
  readonly rangeKey?: KeyAttribute;
  readonly billingMode: string;
  readonly globalSecondaryIndexes: readonly GlobalIndexSpec[];
  readonly stream?: StreamViewType;
  /** Days of point-in-time recovery; undefined: off. `enabled` without a period is the provider's (AWS's) default, left to the reader. */
  readonly pointInTimeRecovery?: { readonly recoveryPeriodInDays?: number };
  readonly contributorInsights?: ContributorInsightsMode;
  readonly timeToLiveAttribute?: string;
  /** `aws-managed`: `serverSideEncryption.enabled` without a key; `aws-owned`: off; otherwise the key ARN. */
  readonly encryption: "aws-managed" | "aws-owned" | { readonly kmsKeyArn: string };
  readonly tags: Readonly<Record<string, string>>;
}

/** One metric query of an alarm, in the provider's input shape (aws.cloudwatch.MetricAlarm metricQueries). */
export interface DeclaredMetricQuery {
  readonly id: string;
  readonly expression?: string;
  readonly label?: string;
  readonly period?: number;
  readonly returnData?: boolean;
  readonly metric?: {
    readonly namespace?: string;
    readonly metricName?: string;
    readonly dimensions?: Readonly<Record<string, string>>;
    readonly stat?: string;
    readonly period?: number;
  };
}

/** An alarm as the monitoring stack registers it; actions name the declared topic they point at. */
export interface DeclaredAlarm {
  readonly name: string;
  readonly comparisonOperator: string;
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm?: number;
  readonly treatMissingData?: string;
  readonly actionsEnabled: boolean;
  readonly metricQueries: readonly DeclaredMetricQuery[];
  /** A single-metric alarm (no metricQueries). */
  readonly metric?: { readonly namespace?: string; readonly metricName?: string; readonly dimensions?: Readonly<Record<string, string>>; readonly statistic?: string; readonly period?: number };
  /** Names of the declared topics the ALARM and OK actions publish to; an action on anything else is kept as given. */
  readonly alarmActions: readonly string[];
  readonly okActions: readonly string[];
}

export interface DeclaredTopic {
  readonly name: string;
  readonly kmsMasterKeyId?: string;
}

export interface DeclaredRole {
  readonly table: string;
  readonly kind: string;
  readonly name: string;
}

const TYPES = {
  table: "aws:dynamodb/table:Table",
  contributorInsights: "aws:dynamodb/contributorInsights:ContributorInsights",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  topic: "aws:sns/topic:Topic",
  dashboard: "aws:cloudwatch/dashboard:Dashboard",
} as const;

type Inputs = Record<string, unknown>;
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);
const record = (value: unknown): Inputs => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Inputs) : {});
const list = (value: unknown): Inputs[] => (Array.isArray(value) ? value.map(record) : []);
const strings = (value: unknown): Record<string, string> => Object.fromEntries(Object.entries(record(value)).filter((entry): entry is [string, string] => typeof entry[1] === "string"));

function keyAttribute(name: string, attributes: readonly Inputs[]): KeyAttribute {
  const type = str(attributes.find((attribute) => attribute["name"] === name)?.["type"]) ?? "?";
  return { name, type: type as KeyAttribute["type"] };
}

function declaredTable(key: string, physicalName: string, table: RegisteredResource, insights: readonly RegisteredResource[]): DeclaredTable {
  const inputs = table.inputs;
  const attributes = list(inputs["attributes"]);
  const rangeKey = str(inputs["rangeKey"]);
  const pitr = record(inputs["pointInTimeRecovery"]);
  const sse = record(inputs["serverSideEncryption"]);
  const ttl = record(inputs["ttl"]);
  const mode = str(insights.find((rule) => rule.inputs["tableName"] === physicalName && rule.inputs["indexName"] === undefined)?.inputs["mode"]);
  const indexes = list(inputs["globalSecondaryIndexes"]).map((index): GlobalIndexSpec => {
    const keys = list(index["keySchemas"]);
    const of = (keyType: string) => str(keys.find((k) => k["keyType"] === keyType)?.["attributeName"]);
    const range = of("RANGE");
    return {
      name: str(index["name"]) ?? "?",
      hashKey: keyAttribute(of("HASH") ?? "?", attributes),
      ...(range ? { rangeKey: keyAttribute(range, attributes) } : {}),
      projection: (str(index["projectionType"]) ?? "?") as GlobalIndexSpec["projection"],
    };
  });
  const kmsKeyArn = str(sse["kmsKeyArn"]);
  return {
    key,
    physicalName,
    hashKey: keyAttribute(str(inputs["hashKey"]) ?? "?", attributes),
    ...(rangeKey ? { rangeKey: keyAttribute(rangeKey, attributes) } : {}),
    // The provider's default billing mode is PROVISIONED (aws.dynamodb.Table billingMode).
    billingMode: str(inputs["billingMode"]) ?? "PROVISIONED",
    globalSecondaryIndexes: indexes,
    ...(inputs["streamEnabled"] === true ? { stream: (str(inputs["streamViewType"]) ?? "?") as StreamViewType } : {}),
    ...(pitr["enabled"] === true ? { pointInTimeRecovery: num(pitr["recoveryPeriodInDays"]) !== undefined ? { recoveryPeriodInDays: num(pitr["recoveryPeriodInDays"]) } : {} } : {}),
    ...(mode ? { contributorInsights: mode as ContributorInsightsMode } : {}),
    ...(ttl["enabled"] === true && str(ttl["attributeName"]) ? { timeToLiveAttribute: str(ttl["attributeName"]) } : {}),
    encryption: sse["enabled"] === true ? (kmsKeyArn ? { kmsKeyArn } : "aws-managed") : "aws-owned",
    tags: strings(inputs["tags"]),
  };
}

function declaredAlarm(alarm: RegisteredResource, topicByArn: ReadonlyMap<string, string>): DeclaredAlarm {
  const inputs = alarm.inputs;
  const actions = (value: unknown) => (Array.isArray(value) ? value.map((arn) => topicByArn.get(String(arn)) ?? String(arn)) : []);
  const metricName = str(inputs["metricName"]);
  return {
    name: str(inputs["name"]) ?? alarm.name,
    comparisonOperator: str(inputs["comparisonOperator"]) ?? "?",
    threshold: num(inputs["threshold"]) ?? Number.NaN,
    evaluationPeriods: num(inputs["evaluationPeriods"]) ?? Number.NaN,
    ...(num(inputs["datapointsToAlarm"]) !== undefined ? { datapointsToAlarm: num(inputs["datapointsToAlarm"]) } : {}),
    ...(str(inputs["treatMissingData"]) ? { treatMissingData: str(inputs["treatMissingData"]) } : {}),
    // The provider's default: actions enabled (aws.cloudwatch.MetricAlarm actionsEnabled).
    actionsEnabled: inputs["actionsEnabled"] !== false,
    metricQueries: list(inputs["metricQueries"]).map((query) => {
      const metric = query["metric"] === undefined ? undefined : record(query["metric"]);
      return {
        id: str(query["id"]) ?? "?",
        ...(str(query["expression"]) ? { expression: str(query["expression"]) } : {}),
        ...(str(query["label"]) ? { label: str(query["label"]) } : {}),
        ...(num(query["period"]) !== undefined ? { period: num(query["period"]) } : {}),
        ...(typeof query["returnData"] === "boolean" ? { returnData: query["returnData"] } : {}),
        ...(metric
          ? {
              metric: {
                namespace: str(metric["namespace"]),
                metricName: str(metric["metricName"]),
                dimensions: strings(metric["dimensions"]),
                stat: str(metric["stat"]),
                period: num(metric["period"]),
              },
            }
          : {}),
      };
    }),
    ...(metricName
      ? {
          metric: {
            namespace: str(inputs["namespace"]),
            metricName,
            dimensions: strings(inputs["dimensions"]),
            statistic: str(inputs["statistic"]) ?? str(inputs["extendedStatistic"]),
            period: num(inputs["period"]),
          },
        }
      : {}),
    alarmActions: actions(inputs["alarmActions"]),
    okActions: actions(inputs["okActions"]),
  };
}

/** The ARN the mock cloud gave each declared topic, so alarm actions can name their topic. */
function topicArns(run: ProgramRun): Map<string, string> {
  const region = run.config["aws:region"] ?? "";
  return new Map(
    resourcesOfType(run, TYPES.topic).map((topic) => {
      const name = str(topic.inputs["name"]) ?? topic.name;
      return [`arn:aws:sns:${region}:${MOCK_ACCOUNT_ID}:${name}`, name];
    }),
  );
}

/** Reads the declared state out of planned runs of the data, monitoring and access projects. */
export function declaredStateOf(stack: string, runs: readonly ProgramRun[]): DeclaredState {
  const data = runs.find((run) => run.project === DATA_PROJECT);
  if (!data) throw new Error(`the plan of stack '${stack}' has no ${DATA_PROJECT} project`);
  const tableNames = strings(data.outputs["tableNames"]);
  const tableResources = resourcesOfType(data, TYPES.table);
  const insights = resourcesOfType(data, TYPES.contributorInsights);
  const tables = Object.entries(tableNames).map(([key, physicalName]) => {
    const table = tableResources.find((resource) => resource.inputs["name"] === physicalName);
    if (!table) throw new Error(`the data stack exports table '${key}' as ${physicalName} but registers no table of that name`);
    return declaredTable(key, physicalName, table, insights);
  });
  const others = runs.filter((run) => run !== data);
  const alarms = others.flatMap((run) => {
    const topics = topicArns(run);
    return resourcesOfType(run, TYPES.alarm).map((alarm) => declaredAlarm(alarm, topics));
  });
  const topics = others.flatMap((run) =>
    resourcesOfType(run, TYPES.topic).map((topic) => {
      const key = str(topic.inputs["kmsMasterKeyId"]);
      return { name: str(topic.inputs["name"]) ?? topic.name, ...(key ? { kmsMasterKeyId: key } : {}) };
    }),
  );
  const dashboards = others.flatMap((run) => resourcesOfType(run, TYPES.dashboard).map((dashboard) => str(dashboard.inputs["dashboardName"]) ?? dashboard.name));
  const roles = others.flatMap((run) =>
    Object.entries(record(run.outputs["roleNames"])).flatMap(([table, kinds]) =>
      Object.entries(strings(kinds)).map(([kind, name]) => ({ table, kind, name })),
    ),
  );
  return { stack, region: data.config["aws:region"] ?? "", tables, alarms, topics, dashboards, roles };
}

export interface DeclaredStateOptions {
  readonly stack: string;
  /** The folder holding the Pulumi projects (default: this workspace's stacks/). */
  readonly stacksDir?: string;
  /** Config changes on top of a project's stack file, by project name. */
  readonly configOverrides?: Readonly<Record<string, Readonly<Record<string, string | undefined>>>>;
  /** A project's program; by default its entry point, as the Pulumi CLI loads it. */
  readonly programFor?: (project: StackProject) => StackProgram;
}

/** The projects that own what the live-account tools judge, the pipeline's stacks: not bootstrap (CI identities and state). */
const JUDGED_PROJECTS = new Set(PIPELINE_STACKS.map((stack) => STACK_PROJECTS[stack].pulumiProject));

/**
 * Plans the data, monitoring and access stacks of `stack` offline and reads what they declare. A
 * missing stack file or bad config fails as `pulumi up` would, with the stack's own one-line
 * StackFileError or ConfigError; any other failure of a program names the project.
 */
export async function planDeclaredState(options: DeclaredStateOptions): Promise<DeclaredState> {
  const stacksDir = options.stacksDir ?? path.resolve(__dirname, "..", "..", "..", "stacks");
  const projects = discoverStackProjects(stacksDir).filter((project) => JUDGED_PROJECTS.has(project.project));
  for (const project of projects) readStackFiles(project.dir, options.stack);
  try {
    const planned = await planStacks({
      stack: options.stack,
      projects,
      programFor: options.programFor ?? ((project) => loadStackProgram(project.dir)),
      ...(options.configOverrides ? { configOverrides: options.configOverrides } : {}),
    });
    return declaredStateOf(options.stack, planned.map((entry) => entry.run));
  } catch (error) {
    if (error instanceof StackPlanFailure) {
      const cause = error.failure instanceof Error && "failure" in error.failure ? (error.failure as { failure: unknown }).failure : error.failure;
      if (cause instanceof ConfigError || cause instanceof StackFileError) throw cause;
    }
    throw error;
  }
}
