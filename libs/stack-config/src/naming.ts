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
