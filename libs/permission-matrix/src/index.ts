export { ALLOW_LISTS, profileOf, type AllowList, type Profile } from "./allow-lists";
export { dynamoDbActions, type DynamoDbAction } from "./dynamodb-actions";
export { FOREIGN_RESOURCE_KINDS, OWN_RESOURCE_KINDS, resourcesOf, type ResourceKind, type RoleContext } from "./resources";
export { disagreement, expectedDecision, permissionMatrix, type Cell, type Decision, type MatrixRole } from "./matrix";
