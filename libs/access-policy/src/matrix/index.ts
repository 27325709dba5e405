export { ALLOW_LISTS, profileOf, type Profile } from "./allow-lists";
export { dynamoDbActions } from "./dynamodb-actions";
export { type ResourceKind } from "./resources";
export { disagreement, permissionMatrix, type Cell, type MatrixRole } from "./matrix";
