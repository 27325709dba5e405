/**
 * DynamoDB's operations as CloudWatch's `Operation` dimension names them (DynamoDB Developer Guide,
 * "DynamoDB Metrics and dimensions", dimension `Operation`): the table's item, query, transaction
 * and PartiQL operations, and the one DynamoDB Streams operation, GetRecords. One list for the
 * monitoring dashboard (a latency line per table operation) and the cost report (how many
 * SystemErrors series a table's Metrics Insights alarm can analyze).
 */
export const DYNAMODB_TABLE_OPERATIONS: readonly string[] = [
  "GetItem",
  "BatchGetItem",
  "Query",
  "Scan",
  "TransactGetItems",
  "ExecuteStatement",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "BatchWriteItem",
  "TransactWriteItems",
  "BatchExecuteStatement",
  "ExecuteTransaction",
];
export const DYNAMODB_STREAM_OPERATIONS: readonly string[] = ["GetRecords"];
