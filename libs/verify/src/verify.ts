import type { MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { readStackFiles, type ConfigSource } from "@dynamodb-platform/stack-config";
import { stackDir, type StackContext } from "@dynamodb-platform/live-account";
import { readMandatoryTags, type MandatoryTags } from "@dynamodb-platform/tags";
import { alarmChecks, describeAlarms } from "./alarms/alarm-checks";
import { expectedAlarms, type MonitoringOutputs } from "./alarms/expected-alarms";
import { fireTestAlarm, realClock, type Clock } from "./alarms/fire-test-alarm";
import { topicChecks } from "./alarms/topic-checks";
import type { Check } from "./check";
import type { VerifyClients } from "./clients";
import { roleChecks, type RoleArns } from "./roles/role-checks";
import { PROJECTS, type OutputsReader } from "./stack-outputs";
import { encryptionChecks, type KeyManager, type KeyManagerLookup } from "./tables/encryption";
import { readLiveTable } from "./tables/live-table";
import { tableChecks } from "./tables/table-checks";

export interface VerifyOptions {
  readonly context: StackContext;
  readonly clients: VerifyClients;
  readonly readOutputs: OutputsReader;
  readonly keyManager: KeyManagerLookup;
  readonly fireTestAlarm: boolean;
  readonly clock?: Clock;
  /** The workspace root whose stack files hold the expectations (tests point at fixtures). */
  readonly root?: string;
}

/** The mandatory tags the data stack applies, from its Pulumi.<stack>.yaml. */
function dataStackTags(stack: string, root?: string): MandatoryTags {
  const files = readStackFiles(stackDir("data", root), stack);
  const source: ConfigSource = { project: files.project, get: (key) => files.config[key.includes(":") ? key : `${files.project}:${key}`] };
  return readMandatoryTags(source);
}

async function verifyTables(options: VerifyOptions): Promise<Check[]> {
  const { context, clients } = options;
  const tags = dataStackTags(context.stack, options.root);
  const checks: Check[] = [];
  const encrypted: Parameters<typeof encryptionChecks>[0][number][] = [];
  for (const { spec, physicalName } of context.tables) {
    const live = await readLiveTable(clients.dynamodb, physicalName);
    if (!live) {
      checks.push({ area: "tables", subject: physicalName, check: "exists", status: "fail", expected: "the table", actual: "(not found)" });
      continue;
    }
    checks.push(...tableChecks(spec, physicalName, live, tags));
    encrypted.push({ name: physicalName, arn: live.table.TableArn ?? "", sse: live.table.SSEDescription });
  }
  const keys = [...new Set(encrypted.map((table) => table.sse?.KMSMasterKeyArn).filter((key): key is string => key !== undefined))];
  const managers = new Map<string, KeyManager | undefined>(await Promise.all(keys.map(async (key) => [key, await options.keyManager(key)] as const)));
  return [...checks, ...encryptionChecks(encrypted, managers)];
}

async function verifyAlarms(options: VerifyOptions, outputs: MonitoringOutputs): Promise<Check[]> {
  const expected = expectedAlarms(options.context, outputs, options.root);
  const live = await describeAlarms(options.clients.cloudwatch, expected.map((alarm) => alarm.name));
  const checks = [...alarmChecks(expected, live, outputs.alarmTopicArn), ...(await topicChecks(options.clients.sns, outputs.alarmTopicArn))];
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
  if (monitoring) checks.push(...(await verifyAlarms(options, monitoring as unknown as MonitoringOutputs)));
  return checks;
}
