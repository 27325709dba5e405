import type { ServedStack } from "../served-stacks";
import { tableArns, type Account } from "./arns";
import { allow, policyDocument, type PolicyDocument } from "./document";

/**
 * The ceiling of every role the access stack creates: DynamoDB data access to the served tables,
 * their indexes and streams, nothing else. A permissions boundary grants nothing by itself; a
 * role's effective permissions are what both its own policy and the boundary allow (AWS IAM User
 * Guide, "Permissions boundaries for IAM entities"). So even a widened access-stack policy could
 * never reach another table, an admin action or another service.
 */
export const BOUNDARY_ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:Scan",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
  "dynamodb:PartiQLSelect",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:PartiQLInsert",
  "dynamodb:PartiQLUpdate",
  "dynamodb:PartiQLDelete",
];
export const BOUNDARY_STREAM_ACTIONS = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];

export function accessBoundaryPolicy(account: Account, served: readonly ServedStack[]): PolicyDocument {
  const tables = served.flatMap((s) => tableArns(account, s));
  return policyDocument([
    allow("ItemAccessOnPlatformTables", BOUNDARY_ITEM_ACTIONS, [...tables, ...tables.map((table) => `${table}/index/*`)]),
    allow("StreamReadsOnPlatformTables", BOUNDARY_STREAM_ACTIONS, tables.map((table) => `${table}/stream/*`)),
    // AWS grants ListStreams only on "*" (no resource-level permission); it lists stream ARNs.
    allow("ListStreams", ["dynamodb:ListStreams"], ["*"]),
  ]);
}
