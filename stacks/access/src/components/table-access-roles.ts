import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { DataStack } from "@dynamodb-platform/platform";
import { ACCESS_BOUNDARY_POLICY_NAME } from "@dynamodb-platform/platform";
import { ACCESS_KINDS, resourceName, type AccessKind } from "@dynamodb-platform/platform";
import { accessStatements, policyDocument } from "@dynamodb-platform/access-policy";
import { trustPolicy } from "../policies/trust-policy";
import { roleName } from "../role-name";
import type { TrustedPrincipals } from "../trusted-principals";

export interface TableAccessRolesArgs {
  readonly dataStack: DataStack;
  readonly environmentSuffix: string;
  readonly trustedPrincipals: TrustedPrincipals;
}

export type RolesByTable = Readonly<Record<string, Readonly<Record<AccessKind, aws.iam.Role>>>>;

/** A read role and a write role per table of the data stack, each with one inline policy. */
export class TableAccessRoles extends pulumi.ComponentResource {
  readonly roles: RolesByTable;

  constructor(name: string, args: TableAccessRolesArgs, opts?: pulumi.ComponentResourceOptions) {
    const { reference, outputs } = args.dataStack;
    const tables = Object.entries(outputs.tableNames);
    // Every name is checked before super(): an overlong one must fail before anything is registered.
    const names = tables.map(([table, physical]) => [table, physical, ACCESS_KINDS.map((kind) => roleName(physical, kind))] as const);
    super("dynamodb-platform:access:TableAccessRoles", name, {}, opts);

    const assumeRolePolicy = JSON.stringify(trustPolicy(args.trustedPrincipals));
    // The platform's boundary, created by the bootstrap stack in this account: the access deploy
    // role may create and change these roles only with it attached, and it caps what they can do.
    const caller = aws.getCallerIdentityOutput({}, { parent: this });
    const partition = aws.getPartitionOutput({}, { parent: this });
    const permissionsBoundary = pulumi.interpolate`arn:${partition.partition}:iam::${caller.accountId}:policy/${ACCESS_BOUNDARY_POLICY_NAME}`;
    const tableNames = reference.requireOutput("tableNames") as pulumi.Output<Record<string, string>>;
    const roles: Record<string, Record<AccessKind, aws.iam.Role>> = {};
    for (const [table, physical, roleNames] of names) {
      const byKind = {} as Record<AccessKind, aws.iam.Role>;
      ACCESS_KINDS.forEach((kind, i) => {
        const role = new aws.iam.Role(
          resourceName(`${kind}-role`, table, args.environmentSuffix),
          {
            name: roleNames[i],
            description: `${kind === "read" ? "Read" : "Write"} access to DynamoDB table ${physical}`,
            assumeRolePolicy,
            permissionsBoundary,
            // Computed from the data stack's output, so the tag follows the table it grants.
            tags: { TableName: tableNames.apply((current) => current[table]), Access: kind },
          },
          { parent: this },
        );
        const statements = accessStatements(kind, {
          tableArn: outputs.tableArns[table],
          streamArn: kind === "read" ? outputs.streamArns[table] : undefined,
        });
        new aws.iam.RolePolicy(
          resourceName(`${kind}-policy`, table, args.environmentSuffix),
          { role: role.name, name: `dynamodb-${physical}-${kind}`, policy: JSON.stringify(policyDocument(statements)) },
          { parent: role },
        );
        byKind[kind] = role;
      });
      roles[table] = byKind;
    }
    this.roles = roles;
    this.registerOutputs({});
  }
}
