export { LIST_STREAMS_ACTION, READ_ITEM_ACTIONS, STREAM_READ_ACTIONS, WRITE_ITEM_ACTIONS } from "./actions";
export { accessCeilingStatements, accessStatements, type TableAccessTarget } from "./statements";
export { allow, deny, policyDocument, type Condition, type PolicyDocument, type Statement } from "./policy-document";
