import type { AccessKind } from "@dynamodb-platform/stack-config";
import type { AllowStatement } from "./policy-document";

const READ_ITEM_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:Scan",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
  "dynamodb:PartiQLSelect",
];

const WRITE_ITEM_ACTIONS = [
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
  "dynamodb:PartiQLInsert",
  "dynamodb:PartiQLUpdate",
  "dynamodb:PartiQLDelete",
];

/**
 * These act on `table/NAME/stream/LABEL` only; on a table ARN they grant nothing. They are
 * granted on `table/NAME/stream/*`, every stream of this one table: a stream that is disabled and
 * enabled again (the only way to change its view type, terraform-provider-aws #18402) gets a new
 * label, and readers must not lose access until the access stack is redeployed. The wildcard
 * cannot reach another table's stream: the table name is followed by `/stream/`.
 */
const STREAM_READ_ACTIONS = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];

export interface TableAccessTarget {
  readonly tableArn: string;
  /** Present when the table has a stream: its readers may consume any stream of the table. */
  readonly streamArn?: string;
}

export function accessStatements(kind: AccessKind, target: TableAccessTarget): AllowStatement[] {
  if (kind === "write") {
    return [{ sid: "WriteItems", actions: WRITE_ITEM_ACTIONS, resources: [target.tableArn] }];
  }
  const statements: AllowStatement[] = [
    { sid: "ReadItems", actions: READ_ITEM_ACTIONS, resources: [target.tableArn, `${target.tableArn}/index/*`] },
  ];
  if (target.streamArn) {
    statements.push(
      { sid: "ReadStream", actions: STREAM_READ_ACTIONS, resources: [`${target.tableArn}/stream/*`] },
      // ListStreams supports no resource-level permission: AWS only grants it on "*". It lists
      // stream ARNs, and reading any stream still needs the statement above.
      { sid: "ListStreams", actions: ["dynamodb:ListStreams"], resources: ["*"] },
    );
  }
  return statements;
}
