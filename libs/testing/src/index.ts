export { awsTypeDeclaresTags } from "./aws-tags-input";
export { TEST_TABLES } from "./test-tables";
export { exampleDataStackOutputs, exampleOutputsForStack, type ExampleOutputsOptions } from "./example-outputs";
export { startDynalite, type LocalDynamoDb, type LocalDynamoDbClientConfig } from "./dynalite";
export { awsError, pitrResponse, serveRecordedTables, type RecordedAccount, type RecordedTable } from "./recorded-tables";
export { simulate, type Holder, type Request, type Verdict } from "./simulate-iam";
export { awsErrorAnswer, awsManagedDynamoDbKey, firstCalls, motoTier, startMoto, useEndpoint, type Answer, type Moto, type Rewrite, type Rule, type SeenCall, type WireProtocol } from "./moto";
export { describeConfigurationReference, type StackConfigReference } from "./config-reference";
