/**
 * The one naming rule of the repository: `{resource-type}-{tableName}-{environmentSuffix}`,
 * e.g. `systemerrors-events-dev`. Callers pass validated parts; the rule only joins them.
 */
export function resourceName(resourceType: string, tableName: string, environmentSuffix: string): string {
  return [resourceType, tableName, environmentSuffix].join("-");
}

export type AccessKind = "read" | "write";
export const ACCESS_KINDS: readonly AccessKind[] = ["read", "write"];

/**
 * The access roles' rule: `dynamodb-{tableName}-{read|write}-role`, with the physical table name,
 * so production keeps `dynamodb-events-read-role` and dev gets `dynamodb-events-dev-read-role`.
 */
export function accessRoleName(physicalTableName: string, kind: AccessKind): string {
  return `dynamodb-${physicalTableName}-${kind}-role`;
}

/** Matches names made by accessRoleName; group 1 is the table name, group 2 the access kind. */
export const ACCESS_ROLE_NAME = /^dynamodb-([A-Za-z0-9_.-]+)-(read|write)-role$/;

/** Stands in for the table in names of resources that cover every table (account-wide alarms, topic, dashboard). */
export const ACCOUNT_WIDE = "dynamodb";

/** The monitoring stack's per-table SystemErrors alarm: `systemerrors-{table}-{environmentSuffix}`. */
export function systemErrorsAlarmName(tableName: string, environmentSuffix: string): string {
  return resourceName("systemerrors", tableName, environmentSuffix);
}

/** The monitoring stack's account-wide UserErrors alarm: `usererrors-dynamodb-{environmentSuffix}`. */
export function userErrorsAlarmName(environmentSuffix: string): string {
  return resourceName("usererrors", ACCOUNT_WIDE, environmentSuffix);
}

/** The SNS topic every alarm notifies: `alarms-dynamodb-{environmentSuffix}`. */
export function alarmTopicName(environmentSuffix: string): string {
  return resourceName("alarms", ACCOUNT_WIDE, environmentSuffix);
}

/** The operators' CloudWatch dashboard, one per environment: `dynamodb-{environmentSuffix}`. */
export function dashboardName(environmentSuffix: string): string {
  return `${ACCOUNT_WIDE}-${environmentSuffix}`;
}

/**
 * The platform's own CI roles, created once per account by the bootstrap stack: the read-only
 * `dynamodb-platform-preview` and `dynamodb-platform-deploy-{stack}` per deployed stack. Account-level
 * names: they carry no environmentSuffix, as one set of roles serves every stack of the account.
 */
export const PLATFORM_PREVIEW_ROLE_NAME = "dynamodb-platform-preview";

export function platformDeployRoleName(stack: string): string {
  return `dynamodb-platform-deploy-${stack}`;
}

/** Matches the names made by PLATFORM_PREVIEW_ROLE_NAME and platformDeployRoleName (a stack is a lowercase word). */
export const PLATFORM_ROLE_NAME = /^dynamodb-platform-(?:preview|deploy-[a-z]+)$/;
