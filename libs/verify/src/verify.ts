import type { MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { TableNotFoundError, dataStackConfigSource, readLiveTable, type LiveTableState, type StackContext } from "@dynamodb-platform/live-account";
import { readMandatoryTags } from "@dynamodb-platform/tags";
import { alarmChecks, describeAlarms } from "./alarms/alarm-checks";
import { dashboardChecks } from "./alarms/dashboard-check";
import { expectedAlarms, type MonitoringOutputs } from "./alarms/expected-alarms";
import { fireTestAlarm, realClock, type Clock } from "./alarms/fire-test-alarm";
import { readMonitoringConfig } from "./alarms/monitoring-config";
import { topicChecks } from "./alarms/topic-checks";
import type { Check } from "./check";
import type { VerifyClients } from "./clients";
import { roleChecks, type RoleArns } from "./roles/role-checks";
import { PROJECTS, type OutputsReader } from "./stack-outputs";
import { encryptionChecks, type EncryptedTable } from "./tables/encryption";
import { tableChecks } from "./tables/table-checks";

export interface VerifyOptions {
  readonly context: StackContext;
  readonly clients: VerifyClients;
  readonly readOutputs: OutputsReader;
  readonly fireTestAlarm: boolean;
  readonly clock?: Clock;
  /** The workspace root whose stack files hold the expectations (tests point at fixtures). */
  readonly root?: string;
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
  const { context, clients } = options;
  // The mandatory tags the data stack applies, read with its own reader from its Pulumi.<stack>.yaml.
  const tags = readMandatoryTags(dataStackConfigSource(context.stack, options.root));
  const checks: Check[] = [];
  const encrypted: EncryptedTable[] = [];
  for (const { spec, physicalName } of context.tables) {
    const live = await liveTableOrNone(clients, physicalName);
    if (!live) {
      checks.push({ area: "tables", subject: physicalName, check: "exists", status: "fail", expected: "the table", actual: "(not found)" });
      continue;
    }
    checks.push(...tableChecks(spec, physicalName, live, tags));
    encrypted.push({ name: physicalName, arn: live.table.TableArn ?? "", sse: live.table.SSEDescription, keyManager: live.kmsKeyManager });
  }
  return [...checks, ...encryptionChecks(encrypted)];
}

async function verifyMonitoring(options: VerifyOptions, outputs: MonitoringOutputs): Promise<Check[]> {
  const config = readMonitoringConfig(options.context.stack, options.root);
  const expected = expectedAlarms(options.context, outputs, config);
  const live = await describeAlarms(options.clients.cloudwatch, expected.map((alarm) => alarm.name));
  const publishing = {
    ...Object.fromEntries(Object.entries(outputs.systemErrorsAlarmNames).map(([key, name]) => [name, outputs.systemErrorsAlarmArns[key] ?? ""])),
    [outputs.userErrorsAlarmName]: outputs.userErrorsAlarmArn,
  };
  const checks = [
    ...alarmChecks(expected, live, outputs.alarmTopicArn),
    ...(await topicChecks(options.clients.sns, outputs.alarmTopicArn, publishing, config)),
    ...(await dashboardChecks(options.clients.cloudwatch, outputs.dashboardName, config.environmentSuffix)),
  ];
  if (options.fireTestAlarm) {
    const systemErrors = new Set(Object.values(outputs.systemErrorsAlarmNames));
    const candidates: MetricAlarm[] = live.filter((alarm) => systemErrors.has(alarm.AlarmName ?? ""));
    checks.push(await fireTestAlarm(options.clients.cloudwatch, candidates, outputs.alarmTopicArn, options.clock ?? realClock));
  }
  return checks;
}

/**
 * Every check of a deployed environment. A stack that is not deployed is one failed check with
 * the reason, and the checks that need its outputs are skipped.
 */
export async function verify(options: VerifyOptions): Promise<Check[]> {
  const { context } = options;
  const checks: Check[] = [];
  const deployed = async (folder: keyof typeof PROJECTS): Promise<Record<string, unknown> | undefined> => {
    const result = await options.readOutputs(folder, context.stack);
    const subject = `${PROJECTS[folder]}/${context.stack}`;
    if (result.deployed) {
      checks.push({ area: "stacks", subject, check: "deployed", status: "pass", expected: "deployed", actual: `${Object.keys(result.outputs).length} outputs` });
      return result.outputs;
    }
    checks.push({ area: "stacks", subject, check: "deployed", status: "fail", expected: "deployed", actual: `not deployed: ${result.reason}` });
    return undefined;
  };
  const [data, monitoring, access] = [await deployed("data"), await deployed("monitoring"), await deployed("access")];
  if (data) checks.push(...(await verifyTables(options)));
  if (access) checks.push(...(await roleChecks(options.clients.iam, context, (access["roleArns"] ?? {}) as RoleArns)));
  if (monitoring) checks.push(...(await verifyMonitoring(options, monitoring as unknown as MonitoringOutputs)));
  return checks;
}
