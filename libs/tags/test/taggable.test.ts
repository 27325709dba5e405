import { awsTypeDeclaresTags as declaresTagsInput } from "@dynamodb-platform/testing";
import { isTaggableAwsType, UNTAGGABLE_AWS_TYPES } from "../src";

describe("the untaggable list is true to @pulumi/aws", () => {
  test.each([...UNTAGGABLE_AWS_TYPES])("%s has no tags input", (type) => {
    expect(declaresTagsInput(type)).toBe(false);
  });

  test.each([
    "aws:dynamodb/table:Table",
    "aws:sns/topic:Topic",
    "aws:cloudwatch/metricAlarm:MetricAlarm",
    "aws:iam/role:Role",
    "aws:iam/policy:Policy",
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
    "aws:s3/bucket:Bucket",
  ])("%s, used by the stacks, takes tags and is tagged", (type) => {
    expect(declaresTagsInput(type)).toBe(true);
    expect(isTaggableAwsType(type)).toBe(true);
  });

  test("non-AWS resources (stacks, components, references) are not tagged", () => {
    expect(isTaggableAwsType("pulumi:pulumi:StackReference")).toBe(false);
    expect(isTaggableAwsType("dynamodb-platform:data:DynamoTables")).toBe(false);
  });
});
