import {
  accessRoleName,
  ACCESS_KINDS,
  alarmTopicName,
  dashboardName,
  systemErrorsAlarmName,
  userErrorsAlarmName,
} from "@dynamodb-platform/platform";
import type { ServedStack } from "../served-stacks";

// Every name below comes from the rule the served stack itself names the resource with (libs/platform/src/config/naming.ts).

/** Where the roles live: the account and partition the caller's credentials belong to. */
export interface Account {
  readonly partition: string;
  readonly accountId: string;
}

export function tableArns(account: Account, served: ServedStack): string[] {
  return Object.values(served.tables).map((table) => `arn:${account.partition}:dynamodb:${served.dataRegion}:${account.accountId}:table/${table}`);
}

export function alarmArns(account: Account, served: ServedStack): string[] {
  const names = [
    ...Object.keys(served.tables).map((table) => systemErrorsAlarmName(table, served.monitoringSuffix)),
    userErrorsAlarmName(served.monitoringSuffix),
  ];
  return names.map((name) => `arn:${account.partition}:cloudwatch:${served.monitoringRegion}:${account.accountId}:alarm:${name}`);
}

/** Dashboards are global: their ARN has no region. */
export function dashboardArn(account: Account, served: ServedStack): string {
  return `arn:${account.partition}:cloudwatch::${account.accountId}:dashboard/${dashboardName(served.monitoringSuffix)}`;
}

export function topicArn(account: Account, served: ServedStack): string {
  return `arn:${account.partition}:sns:${served.monitoringRegion}:${account.accountId}:${alarmTopicName(served.monitoringSuffix)}`;
}

/**
 * Every KMS key of the account in the served tables' regions: IAM names keys only by key ARN,
 * with `*` for the key id (AWS KMS Developer Guide, "Specifying KMS keys in IAM policy statements").
 */
export function kmsKeyArns(account: Account, served: readonly ServedStack[]): string[] {
  const regions = new Set(served.map((s) => s.dataRegion));
  return [...regions].map((region) => `arn:${account.partition}:kms:${region}:${account.accountId}:key/*`);
}

/** The six roles of the access stack: `dynamodb-{physical table}-{read|write}-role`. */
export function accessRoleArns(account: Account, served: ServedStack): string[] {
  return Object.values(served.tables).flatMap((table) => ACCESS_KINDS.map((kind) => roleArn(account, accessRoleName(table, kind))));
}

export function roleArn(account: Account, name: string): string {
  return `arn:${account.partition}:iam::${account.accountId}:role/${name}`;
}

export function policyArn(account: Account, name: string): string {
  return `arn:${account.partition}:iam::${account.accountId}:policy/${name}`;
}
