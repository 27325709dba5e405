import type * as pulumi from "@pulumi/pulumi";

/** What the fake cloud answers with: an account, a region, and the outputs of referenced stacks. */
export interface MockCloud {
  readonly accountId: string;
  readonly region: string;
  readonly stackOutputs: Readonly<Record<string, Record<string, unknown>>>;
}

/** A fixed stream label, so plans and their JSON are reproducible. */
export const MOCK_STREAM_LABEL = "2026-01-01T00:00:00.000";

function service(type: string): string {
  return type.split(":")[1]?.split("/")[0] ?? "unknown";
}

/** The state AWS would report for a new resource: its inputs plus the computed ARNs and ids. */
export function mockResourceState(
  cloud: MockCloud,
  args: pulumi.runtime.MockResourceArgs,
): { id: string; state: Record<string, unknown> } {
  const inputs = args.inputs as Record<string, unknown>;
  const physicalName = typeof inputs["name"] === "string" ? inputs["name"] : args.name;
  const { accountId, region } = cloud;
  switch (args.type) {
    case "pulumi:pulumi:StackReference": {
      const outputs = cloud.stackOutputs[physicalName] ?? {};
      return { id: physicalName, state: { ...inputs, outputs } };
    }
    case "aws:dynamodb/table:Table": {
      const arn = `arn:aws:dynamodb:${region}:${accountId}:table/${physicalName}`;
      const stream = inputs["streamEnabled"] === true ? { streamArn: `${arn}/stream/${MOCK_STREAM_LABEL}` } : {};
      return { id: args.id ?? physicalName, state: { ...inputs, arn, ...stream } };
    }
    case "aws:iam/role:Role":
      return { id: physicalName, state: { ...inputs, arn: `arn:aws:iam::${accountId}:role/${physicalName}` } };
    case "aws:cloudwatch/metricAlarm:MetricAlarm":
      return {
        id: physicalName,
        state: { ...inputs, arn: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${physicalName}` },
      };
    default: {
      const arn = `arn:aws:${service(args.type)}:${region}:${accountId}:${physicalName}`;
      return { id: args.id ?? `${args.name}-id`, state: { ...inputs, arn } };
    }
  }
}

/** Answers the provider functions the stacks call; anything else fails loudly. */
export function mockCall(cloud: MockCloud, args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
  switch (args.token) {
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return {
        accountId: cloud.accountId,
        arn: `arn:aws:iam::${cloud.accountId}:user/planner`,
        userId: "AIDAMOCKPLANNER",
        id: cloud.accountId,
      };
    case "aws:index/getRegion:getRegion":
      return { name: cloud.region, region: cloud.region, id: cloud.region };
    case "aws:index/getPartition:getPartition":
      return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
    default:
      throw new Error(`The mock cloud has no answer for '${args.token}': add it to mock-cloud.ts`);
  }
}
