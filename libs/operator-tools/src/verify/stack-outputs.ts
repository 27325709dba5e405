import { validateDataStackOutputs, type DataStackOutputs } from "@dynamodb-platform/platform";
import { readStackOutputs, type StackOutputsResult } from "../live-account";
import { stackDir, type StackFolder } from "@dynamodb-platform/platform";

/** Reads one stack's outputs; injectable so tests never start the Pulumi CLI. */
export type OutputsReader = (folder: StackFolder, stack: string) => Promise<StackOutputsResult>;

export const pulumiOutputs: OutputsReader = (folder, stack) => readStackOutputs(stackDir(folder), stack);

/** The monitoring stack's outputs verify reads (stacks/monitoring/src/program.ts, MonitoringStackExports). */
export interface MonitoringOutputs {
  readonly alarmTopicArn: string;
  readonly systemErrorsAlarmNames: Readonly<Record<string, string>>;
  readonly systemErrorsAlarmArns: Readonly<Record<string, string>>;
  readonly userErrorsAlarmName: string;
  readonly userErrorsAlarmArn: string;
  readonly dashboardName: string;
}

/** The access stack's outputs verify reads (stacks/access/src/program.ts, AccessStackExports). */
export interface AccessOutputs {
  readonly roleArns: Readonly<Record<string, Readonly<Record<"read" | "write", string>>>>;
}

/** An output that breaks its stack's contract: one line naming the stack, the output and what was wrong. */
export class OutputContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputContractError";
  }
}

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;
const ALARM_ARN = /^arn:aws[a-z-]*:cloudwatch:[a-z0-9-]+:\d{12}:alarm:.+$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

type Rule = (value: unknown) => string | undefined;
const text: Rule = (value) => (typeof value === "string" && value.length > 0 ? undefined : "is not a non-empty string");
const matching = (pattern: RegExp, what: string): Rule => (value) => (typeof value === "string" && pattern.test(value) ? undefined : `is not ${what}`);
const mapOf = (rule: Rule): Rule => (value) => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "is not an object keyed by table";
  for (const [key, entry] of Object.entries(value)) {
    const problem = rule(entry);
    if (problem) return `.${key}${problem.startsWith(".") ? "" : " "}${problem}`;
  }
  return undefined;
};

function validate<T>(subject: string, outputs: Record<string, unknown>, rules: Readonly<Record<string, Rule>>): T {
  for (const [name, rule] of Object.entries(rules)) {
    if (!(name in outputs)) throw new OutputContractError(`${subject} has no output '${name}': deploy the stack from this commit, or check that --stack names the right stack`);
    const problem = rule(outputs[name]);
    if (problem) throw new OutputContractError(`${subject} output '${name}'${problem.startsWith(".") ? "" : " "}${problem}: got ${JSON.stringify(outputs[name])?.slice(0, 120)}`);
  }
  return outputs as T;
}

export function validateMonitoringOutputs(subject: string, outputs: Record<string, unknown>): MonitoringOutputs {
  return validate<MonitoringOutputs>(subject, outputs, {
    alarmTopicArn: matching(TOPIC_ARN, "an SNS topic ARN"),
    systemErrorsAlarmNames: mapOf(text),
    systemErrorsAlarmArns: mapOf(matching(ALARM_ARN, "a CloudWatch alarm ARN")),
    userErrorsAlarmName: text,
    userErrorsAlarmArn: matching(ALARM_ARN, "a CloudWatch alarm ARN"),
    dashboardName: text,
  });
}

export function validateAccessOutputs(subject: string, outputs: Record<string, unknown>): AccessOutputs {
  const roleArn = matching(ROLE_ARN, "an IAM role ARN");
  return validate<AccessOutputs>(subject, outputs, {
    roleArns: mapOf((kinds) => mapOf(roleArn)(kinds) ?? (["read", "write"].every((kind) => kind in (kinds as object)) ? undefined : "has not both 'read' and 'write'")),
  });
}

/** The data stack's outputs, by the data stack's own contract (the platform's data-contract validator). */
export function validateDataOutputs(subject: string, outputs: Record<string, unknown>): DataStackOutputs {
  try {
    return validateDataStackOutputs(subject, outputs);
  } catch (error) {
    throw new OutputContractError((error as Error).message.split("\n")[0]);
  }
}
