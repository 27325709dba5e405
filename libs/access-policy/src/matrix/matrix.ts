import { ALLOW_LISTS, type Profile } from "./allow-lists";
import { dynamoDbActions } from "./dynamodb-actions";
import { FOREIGN_RESOURCE_KINDS, OWN_RESOURCE_KINDS, resourcesOf, type ResourceKind, type RoleContext } from "./resources";

export type Decision = "Allowed" | "Denied";

/** A role under check: its ARN, what it is for, and where. */
export interface MatrixRole {
  readonly roleArn: string;
  readonly profile: Profile;
  readonly context: RoleContext;
}

/** One question to a judge: may this role do this action on this resource? */
export interface Cell {
  readonly roleArn: string;
  readonly action: string;
  readonly kind: ResourceKind;
  readonly resource: string;
  readonly expected: Decision;
}

const CONCRETE_KINDS: readonly ResourceKind[] = [...OWN_RESOURCE_KINDS, ...FOREIGN_RESOURCE_KINDS];

function expectedDecision(profile: Profile, action: string, kind: ResourceKind): Decision {
  return ALLOW_LISTS[profile][action]?.includes(kind) ? "Allowed" : "Denied";
}

/**
 * Every DynamoDB action IAM knows, on every resource of the role's table and on everything it must
 * not reach. Actions that IAM grants only on "*" are asked on "*"; the others on concrete ARNs.
 */
export async function permissionMatrix(role: MatrixRole): Promise<Cell[]> {
  const actions = await dynamoDbActions();
  return actions.flatMap(({ name, wildcardOnly }) =>
    (wildcardOnly ? (["anyResource"] as const) : CONCRETE_KINDS).flatMap((kind) =>
      resourcesOf(kind, role.context).map((resource) => ({
        roleArn: role.roleArn,
        action: name,
        kind,
        resource,
        expected: expectedDecision(role.profile, name, kind),
      })),
    ),
  );
}

/** One line naming the role, the action and the resource where a judge and the matrix disagree. */
export function disagreement(cell: Cell, judge: string, actual: string): string {
  const role = cell.roleArn.split("/").pop() ?? cell.roleArn;
  return `${role}: ${cell.action} on ${cell.kind} (${cell.resource}): the matrix says ${cell.expected}, ${judge} says ${actual}`;
}
