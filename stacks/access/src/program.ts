import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { readDataStack } from "@dynamodb-platform/platform";
import { tagEveryResource } from "@dynamodb-platform/tags";
import { TableAccessRoles } from "./components/table-access-roles";
import { readAccessStackConfig } from "./config";
import type { AccessKind } from "@dynamodb-platform/platform";
import { accountRoot } from "./trusted-principals";

type ByTableAndKind<T> = Record<string, Record<AccessKind, T>>;

export interface AccessStackExports {
  readonly roleArns: ByTableAndKind<pulumi.Output<string>>;
  readonly roleNames: ByTableAndKind<pulumi.Output<string>>;
}

/** The access stack: read and write roles for each table of the data stack it references. */
export async function accessProgram(): Promise<AccessStackExports> {
  const config = readAccessStackConfig();
  tagEveryResource(config.tags);
  const dataStack = await readDataStack(config.dataStack);
  const trustedPrincipals = config.trustedPrincipals ?? accountRoot((await aws.getCallerIdentity()).accountId);
  const { roles } = new TableAccessRoles("roles", {
    dataStack,
    environmentSuffix: config.environmentSuffix,
    trustedPrincipals,
  });
  const pick = (f: (role: aws.iam.Role) => pulumi.Output<string>): ByTableAndKind<pulumi.Output<string>> =>
    Object.fromEntries(Object.entries(roles).map(([table, byKind]) => [table, { read: f(byKind.read), write: f(byKind.write) }]));
  return { roleArns: pick((role) => role.arn), roleNames: pick((role) => role.name) };
}
