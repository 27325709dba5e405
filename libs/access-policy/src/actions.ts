/**
 * The DynamoDB actions an access role may be granted: the one list the access stack's role
 * policies and bootstrap's permissions boundary are both built from (AWS CDK's aws-dynamodb
 * perms.ts grants the same item actions; PartiQL actions are separate IAM actions).
 */
export const READ_ITEM_ACTIONS: readonly string[] = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:Scan",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
  "dynamodb:PartiQLSelect",
];

export const WRITE_ITEM_ACTIONS: readonly string[] = [
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
 * Granted on `table/NAME/stream/*`, every stream of this one table: a recreated stream gets a new
 * label and readers keep access (docs/decisions/access-roles.md, "Why these grants"). The wildcard
 * cannot reach another table's stream: the table name is followed by `/stream/`.
 */
export const STREAM_READ_ACTIONS: readonly string[] = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];

/**
 * ListStreams supports no resource-level permission: AWS only grants it on "*". It lists stream
 * ARNs, and reading any stream still needs STREAM_READ_ACTIONS on that stream.
 */
export const LIST_STREAMS_ACTION = "dynamodb:ListStreams";
