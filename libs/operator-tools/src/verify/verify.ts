import type { MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { TableNotFoundError, readLiveTable, type LiveTableState } from "../live-account";
import type { DeclaredState } from "@dynamodb-platform/offline-plan";
import { STACK_PROJECTS, type PipelineStack } from "@dynamodb-platform/platform";
import { alarmChecks, describeAlarms } from "./alarms/alarm-checks";
import { dashboardChecks } from "./alarms/dashboard-check";
import { alarmExpectation } from "./alarms/declared-alarms";
import { fireTestAlarm, realClock, type Clock } from "./alarms/fire-test-alarm";
import { topicChecks } from "./alarms/topic-checks";
import type { Check } from "./check";
import type { VerifyClients } from "./clients";
import { roleChecks } from "./roles/role-checks";
import {
  OutputContractError,
  validateAccessOutputs,
  validateDataOutputs,
  validateMonitoringOutputs,
  type MonitoringOutputs,
  type OutputsReader,
} from "./stack-outputs";
import { encryptionChecks, type EncryptedTable } from "./tables/encryption";
import { tableChecks } from "./tables/table-checks";

export interface VerifyOptions {
  /** What the stacks of this commit declare for the stack (the offline plan): the expectations. */
  readonly declared: DeclaredState;
  readonly clients: VerifyClients;
  readonly readOutputs: OutputsReader;
  readonly fireTestAlarm: boolean;
  readonly clock?: Clock;
}

/** The live table, or undefined when DescribeTable says it does not exist (a failed check, not a stop). */
async function liveTableOrNone(clients: VerifyClients, name: string): Promise<LiveTableState | undefined> {
  try {
    return await readLiveTable(clients, name);
  } catch (error) {
    if (error instanceof TableNotFoundError) return undefined;
    throw error;
  }
}

async function verifyTables(options: VerifyOptions): Promise<Check[]> {
  const { declared, clients } = options;
  const checks: Check[] = [];
  const encrypted: EncryptedTable[] = [];
  for (const table of declared.tables) {
    const live = await liveTableOrNone(clients, table.physicalName);
    if (!live) {
      checks.push({ area: "tables", subject: table.physicalName, check: "exists", status: "fail", expected: "the table", actual: "(not found)" });
      continue;
    }
    checks.push(...tableChecks(table, live));
    if (table.encryption === "aws-managed") {
      encrypted.push({ name: table.physicalName, arn: live.table.TableArn ?? "", sse: live.table.SSEDescription, keyManager: live.kmsKeyManager });
    } else {
      const declaredKey = table.encryption === "aws-owned" ? "the AWS owned key" : `the key ${table.encryption.kmsKeyArn}`;
      checks.push({ area: "tables", subject: table.physicalName, check: "encryption", status: "unverified", expected: declaredKey, actual: "verify judges only the AWS managed key the specs declare" });
    }
  }
  return [...checks, ...encryptionChecks(encrypted)];
}

async function verifyMonitoring(options: VerifyOptions, outputs: MonitoringOutputs): Promise<Check[]> {
  const { declared } = options;
  const expected = declared.alarms.map(alarmExpectation);
  const live = await describeAlarms(options.clients.cloudwatch, expected.map((alarm) => alarm.name));
  // The stack declares its actions on its topic by name; the deployed topic is the one the outputs name.
  const topic = declared.topics[0];
  const targets = (action: string) => (action === topic?.name ? outputs.alarmTopicArn : action);
  const onTopic = declared.alarms.filter((alarm) => topic && alarm.alarmActions.includes(topic.name));
  const publishing = Object.fromEntries(
    onTopic.map((alarm) => [alarm.name, live.find((candidate) => candidate.AlarmName === alarm.name)?.AlarmArn ?? arnFromOutputs(outputs, alarm.name)]),
  );
  const checks = [
    ...alarmChecks(expected, live, targets),
    ...(await topicChecks(options.clients.sns, outputs.alarmTopicArn, publishing, topic)),
    ...(await dashboardChecks(options.clients.cloudwatch, outputs.dashboardName, declared.dashboards[0] ?? "(no dashboard declared)")),
  ];
  if (options.fireTestAlarm) {
    const systemErrors = new Set(Object.values(outputs.systemErrorsAlarmNames));
    const candidates: MetricAlarm[] = live.filter((alarm) => systemErrors.has(alarm.AlarmName ?? ""));
    checks.push(await fireTestAlarm(options.clients.cloudwatch, candidates, outputs.alarmTopicArn, options.clock ?? realClock));
  }
  return checks;
}

/** An alarm that is not live has no ARN from AWS: take the one the stack exported. */
function arnFromOutputs(outputs: MonitoringOutputs, name: string): string {
  if (name === outputs.userErrorsAlarmName) return outputs.userErrorsAlarmArn;
  const key = Object.entries(outputs.systemErrorsAlarmNames).find(([, alarm]) => alarm === name)?.[0];
  return (key && outputs.systemErrorsAlarmArns[key]) ?? "";
}

/**
 * Every check of a deployed environment against what the stacks declare. A stack that is not
 * deployed, or whose outputs break its contract, is one failed check with the reason, and the
 * checks that need its outputs are skipped; everything else still runs.
 */
export async function verify(options: VerifyOptions): Promise<Check[]> {
  const { declared } = options;
  const checks: Check[] = [];
  const deployed = async <T>(folder: PipelineStack, validate: (subject: string, outputs: Record<string, unknown>) => T): Promise<T | undefined> => {
    const result = await options.readOutputs(folder, declared.stack);
    const subject = `${STACK_PROJECTS[folder].pulumiProject}/${declared.stack}`;
    if (!result.deployed) {
      checks.push({ area: "stacks", subject, check: "deployed", status: "fail", expected: "deployed", actual: `not deployed: ${result.reason}` });
      return undefined;
    }
    try {
      const valid = validate(`Stack ${subject}`, result.outputs);
      checks.push({ area: "stacks", subject, check: "deployed", status: "pass", expected: "deployed, outputs as the stack's contract says", actual: `${Object.keys(result.outputs).length} outputs` });
      return valid;
    } catch (error) {
      if (!(error instanceof OutputContractError)) throw error;
      checks.push({ area: "stacks", subject, check: "outputs", status: "fail", expected: "outputs as the stack's contract says", actual: error.message });
      return undefined;
    }
  };
  const data = await deployed("data", validateDataOutputs);
  const monitoring = await deployed("monitoring", validateMonitoringOutputs);
  const access = await deployed("access", validateAccessOutputs);
  if (data) checks.push(...(await verifyTables(options)));
  if (access) checks.push(...(await roleChecks(options.clients.iam, declared, access.roleArns, options.clock?.now() ?? new Date())));
  if (monitoring) checks.push(...(await verifyMonitoring(options, monitoring)));
  return checks;
}
