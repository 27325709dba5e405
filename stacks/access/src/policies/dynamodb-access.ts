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

/** These act on `table/NAME/stream/LABEL` only; on a table ARN they grant nothing. */
const STREAM_READ_ACTIONS = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];

export interface TableAccessTarget {
  readonly tableArn: string;
  /** Present when the table has a stream: its readers may consume it. */
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
      { sid: "ReadStream", actions: STREAM_READ_ACTIONS, resources: [target.streamArn] },
      // ListStreams supports no resource-level permission: AWS only grants it on "*". It lists
      // stream ARNs, and reading any stream still needs the statement above.
      { sid: "ListStreams", actions: ["dynamodb:ListStreams"], resources: ["*"] },
    );
  }
  return statements;
}
