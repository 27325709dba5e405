import { accessRoleName, type AccessKind } from "@dynamodb-platform/platform";

/** CreateRole's RoleName: "Maximum length of 64" (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html). */
const MAX_ROLE_NAME_LENGTH = 64;

class RoleNameError extends Error {
  constructor(roleName: string, table: string) {
    super(
      `IAM role name '${roleName}' is ${roleName.length} characters; IAM allows ${MAX_ROLE_NAME_LENGTH}. ` +
        `It is derived from table '${table}' of the data stack: use a shorter environmentSuffix or table name`,
    );
    this.name = "RoleNameError";
  }
}

/** The role's name by the shared rule, refused when IAM would refuse it. */
export function roleName(physicalTableName: string, kind: AccessKind): string {
  const name = accessRoleName(physicalTableName, kind);
  if (name.length > MAX_ROLE_NAME_LENGTH) throw new RoleNameError(name, physicalTableName);
  return name;
}
