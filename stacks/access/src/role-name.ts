import type { AccessKind } from "./policies/dynamodb-access";

export const MAX_ROLE_NAME_LENGTH = 64;

export class RoleNameError extends Error {
  constructor(roleName: string, table: string) {
    super(
      `IAM role name '${roleName}' is ${roleName.length} characters; IAM allows ${MAX_ROLE_NAME_LENGTH}. ` +
        `It is derived from table '${table}' of the data stack: use a shorter environmentSuffix or table name`,
    );
    this.name = "RoleNameError";
  }
}

/**
 * `dynamodb-{tableName}-{read|write}-role`, with the physical table name, so production keeps
 * `dynamodb-events-read-role` and dev gets `dynamodb-events-dev-read-role`.
 */
export function roleName(physicalTableName: string, kind: AccessKind): string {
  const name = `dynamodb-${physicalTableName}-${kind}-role`;
  if (name.length > MAX_ROLE_NAME_LENGTH) throw new RoleNameError(name, physicalTableName);
  return name;
}
