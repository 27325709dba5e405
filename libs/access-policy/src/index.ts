export { LIST_STREAMS_ACTION, READ_ITEM_ACTIONS, STREAM_READ_ACTIONS, WRITE_ITEM_ACTIONS } from "./actions";
export { accessCeilingStatements, accessStatements, type AllowStatement, type TableAccessTarget } from "./statements";
export { policyDocument, type PolicyDocument } from "./policy-document";
