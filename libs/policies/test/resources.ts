import type { ResourceUnderPolicy } from "../src";

/** Resources that pass every policy (dev, suffix "dev"); each test breaks one of them in one way. */
const tags = { Environment: "development", Team: "analytics-platform", CostCenter: "CC-4471" };
const arn = (name: string) => `arn:aws:dynamodb:ap-southeast-2:123456789012:table/${name}`;
const policyDocument = (statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

export const good = {
  table: {
    type: "aws:dynamodb/table:Table",
    name: "table-sessions-dev",
    props: {
      name: "sessions-dev",
      billingMode: "PAY_PER_REQUEST",
      hashKey: "sessionId",
      attributes: [{ name: "sessionId", type: "S" }, { name: "userId", type: "S" }],
      globalSecondaryIndexes: [{ name: "by-user", keySchemas: [{ attributeName: "userId", keyType: "HASH" }], projectionType: "ALL" }],
      serverSideEncryption: { enabled: true },
      deletionProtectionEnabled: false,
      streamEnabled: false,
      tags,
    },
  },
  streamingTable: {
    type: "aws:dynamodb/table:Table",
    name: "table-events-dev",
    props: { name: "events-dev", billingMode: "PAY_PER_REQUEST", serverSideEncryption: { enabled: true }, streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES", tags },
  },
  queryAlarm: {
    type: "aws:cloudwatch/metricAlarm:MetricAlarm",
    name: "systemerrors-events-dev",
    props: {
      name: "systemerrors-events-dev",
      metricQueries: [
        { id: "q", expression: "SELECT SUM(SystemErrors) FROM SCHEMA(\"AWS/DynamoDB\", Operation, TableName) WHERE TableName = 'events-dev'", period: 60, returnData: false },
        { id: "filled", expression: "FILL(q, 0)", returnData: true },
      ],
      alarmActions: ["arn:aws:sns:ap-southeast-2:123456789012:alarms-dynamodb-dev"],
      tags,
    },
  },
  userErrorsAlarm: {
    type: "aws:cloudwatch/metricAlarm:MetricAlarm",
    name: "usererrors-dynamodb-dev",
    props: {
      name: "usererrors-dynamodb-dev",
      metricQueries: [
        { id: "m", metric: { namespace: "AWS/DynamoDB", metricName: "UserErrors", stat: "Sum", period: 60 }, returnData: false },
        { id: "filled", expression: "FILL(m, 0)", returnData: true },
      ],
      alarmActions: ["arn:aws:sns:ap-southeast-2:123456789012:alarms-dynamodb-dev"],
      tags,
    },
  },
  topic: { type: "aws:sns/topic:Topic", name: "alarms-dynamodb-dev", props: { name: "alarms-dynamodb-dev", tags } },
  role: {
    type: "aws:iam/role:Role",
    name: "read-role-events-dev",
    props: {
      name: "dynamodb-events-dev-read-role",
      assumeRolePolicy: policyDocument([{ Effect: "Allow", Principal: { AWS: ["arn:aws:iam::123456789012:root"] }, Action: "sts:AssumeRole" }]),
      tags,
    },
  },
  rolePolicy: {
    type: "aws:iam/rolePolicy:RolePolicy",
    name: "read-policy-events-dev",
    props: {
      role: "dynamodb-events-dev-read-role",
      policy: policyDocument([
        { Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:Query"], Resource: [arn("events-dev"), `${arn("events-dev")}/index/*`] },
        { Effect: "Allow", Action: ["dynamodb:ListStreams"], Resource: ["*"] },
      ]),
    },
  },
} satisfies Record<string, ResourceUnderPolicy>;

/** The UserErrors alarm as it was before FILL: a plain metric alarm, which stays in ALARM after an incident. */
export const plainUserErrorsAlarm: ResourceUnderPolicy = {
  type: "aws:cloudwatch/metricAlarm:MetricAlarm",
  name: "usererrors-dynamodb-dev",
  props: { name: "usererrors-dynamodb-dev", namespace: "AWS/DynamoDB", metricName: "UserErrors", statistic: "Sum", period: 60, alarmActions: ["arn:aws:sns:ap-southeast-2:123456789012:alarms-dynamodb-dev"], tags },
};

export function broken(base: ResourceUnderPolicy, props: Record<string, unknown>): ResourceUnderPolicy {
  return { ...base, props: { ...base.props, ...props } };
}

export { policyDocument, tags, arn };
