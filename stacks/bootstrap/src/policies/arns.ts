import type { ServedStack } from "../served-stacks";
import { accessRoleNames, alarmNames, alarmTopicName, dashboardName } from "../names";

/** Where the roles live: the account and partition the caller's credentials belong to. */
export interface Account {
  readonly partition: string;
  readonly accountId: string;
}

export function tableArns(account: Account, served: ServedStack): string[] {
  return Object.values(served.tables).map((table) => `arn:${account.partition}:dynamodb:${served.dataRegion}:${account.accountId}:table/${table}`);
}

export function alarmArns(account: Account, served: ServedStack): string[] {
  return alarmNames(served).map((name) => `arn:${account.partition}:cloudwatch:${served.monitoringRegion}:${account.accountId}:alarm:${name}`);
}

/** Dashboards are global: their ARN has no region. */
export function dashboardArn(account: Account, served: ServedStack): string {
  return `arn:${account.partition}:cloudwatch::${account.accountId}:dashboard/${dashboardName(served)}`;
}

export function topicArn(account: Account, served: ServedStack): string {
  return `arn:${account.partition}:sns:${served.monitoringRegion}:${account.accountId}:${alarmTopicName(served)}`;
}

/**
 * Every KMS key of the account in the served tables' regions: IAM names keys only by key ARN,
 * with `*` for the key id (AWS KMS Developer Guide, "Specifying KMS keys in IAM policy statements").
 */
export function kmsKeyArns(account: Account, served: readonly ServedStack[]): string[] {
  const regions = new Set(served.map((s) => s.dataRegion));
  return [...regions].map((region) => `arn:${account.partition}:kms:${region}:${account.accountId}:key/*`);
}

export function accessRoleArns(account: Account, served: ServedStack): string[] {
  return accessRoleNames(served).map((name) => roleArn(account, name));
}

export function roleArn(account: Account, name: string): string {
  return `arn:${account.partition}:iam::${account.accountId}:role/${name}`;
}

export function policyArn(account: Account, name: string): string {
  return `arn:${account.partition}:iam::${account.accountId}:policy/${name}`;
}
