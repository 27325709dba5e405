/**
 * The DynamoDB operations the tables serve, as CloudWatch's `Operation` dimension names them:
 * the item and query operations the access stack's read and write roles permit (PartiQL included,
 * transactions through the same item permissions). Stream reads (GetRecords) are not graphed.
 */
export const READ_OPERATIONS = ["GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems", "ExecuteStatement"] as const;
export const WRITE_OPERATIONS = ["PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems", "BatchExecuteStatement", "ExecuteTransaction"] as const;
export const TABLE_OPERATIONS: readonly string[] = [...READ_OPERATIONS, ...WRITE_OPERATIONS];
