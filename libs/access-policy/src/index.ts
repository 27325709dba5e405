export { accessCeilingStatements, accessStatements, type TableAccessTarget } from "./statements";
export { allow, deny, policyDocument, type Condition, type PolicyDocument, type Statement } from "./policy-document";
