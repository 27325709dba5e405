import { resourcesOfType, type ProgramRun } from "@dynamodb-platform/program-runner";
import { decide } from "./topic-access";
import { STACKS, TOPIC, TOPIC_POLICY, runMonitoringStack } from "./run-monitoring-stack";

const ACCOUNT = "123456789012";
const OTHER_ACCOUNT = "210987654321";
const alarmArn = (name: string) => `arn:aws:cloudwatch:ap-southeast-2:${ACCOUNT}:alarm:${name}`;

describe.each(STACKS)("alarm topic (%s)", (stack) => {
  let run: ProgramRun;
  let topicArn: string;
  let policy: unknown;
  const cloudWatch = (sourceArn: string, more: object = {}) => ({
    principal: "cloudwatch.amazonaws.com",
    sourceAccount: ACCOUNT,
    sourceArn,
    ...more,
  });
  beforeAll(async () => {
    run = await runMonitoringStack(stack);
    topicArn = String(run.outputs["alarmTopicArn"]);
    const policies = resourcesOfType(run, TOPIC_POLICY);
    expect(policies).toHaveLength(1);
    expect(policies[0].inputs["arn"]).toBe(topicArn);
    policy = JSON.parse(String(policies[0].inputs["policy"]));
  });

  test("is not encrypted by default (never with aws/sns, which CloudWatch cannot publish through)", () => {
    const topics = resourcesOfType(run, TOPIC);
    expect(topics).toHaveLength(1);
    expect(topics[0].inputs["name"]).toBe(`alarms-dynamodb-${stack}`);
    expect(topics[0].inputs).not.toHaveProperty("kmsMasterKeyId");
  });

  test("CloudWatch may publish for each alarm of this stack, from this account, over TLS", async () => {
    const names = [
      ...Object.values(run.outputs["systemErrorsAlarmNames"] as Record<string, string>),
      String(run.outputs["userErrorsAlarmName"]),
    ];
    expect(names).toHaveLength(4);
    for (const name of names) {
      expect(await decide(policy, topicArn, cloudWatch(alarmArn(name)))).toBe("Allowed");
    }
  });

  test.each([
    ["an alarm of another stack", { sourceArn: alarmArn("systemerrors-events-staging") }, "ImplicitlyDenied"],
    ["an alarm whose name only starts like ours", { sourceArn: alarmArn(`usererrors-dynamodb-${stack}-copy`) }, "ImplicitlyDenied"],
    ["the same alarm name in another account", { sourceAccount: OTHER_ACCOUNT, sourceArn: `arn:aws:cloudwatch:ap-southeast-2:${OTHER_ACCOUNT}:alarm:usererrors-dynamodb-${stack}` }, "ImplicitlyDenied"],
    ["a spoofed source account", { sourceAccount: OTHER_ACCOUNT }, "ImplicitlyDenied"],
    ["no source ARN", { sourceArn: undefined }, "ImplicitlyDenied"],
    ["no source account", { sourceAccount: undefined }, "ImplicitlyDenied"],
    ["a request without TLS", { secureTransport: false }, "ExplicitlyDenied"],
  ])("CloudWatch may not publish for %s", async (_case, change, expected) => {
    const request = { ...cloudWatch(alarmArn(`usererrors-dynamodb-${stack}`)), ...change };
    expect(await decide(policy, topicArn, request)).toBe(expected);
  });

  // Each request carries this stack's alarm as aws:SourceArn and this account as aws:SourceAccount,
  // and callers with an IAM policy of their own are allowed sns:Publish by it: only the publish
  // statement's Principal can refuse them, so a Principal of "*" or of another service turns these red.
  const publishAllowedByOwnPolicy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }] };
  test.each([
    ["another AWS service", { principal: "events.amazonaws.com" }],
    ["a role of this account without a grant of its own", { principal: `arn:aws:iam::${ACCOUNT}:role/app` }],
    ["a role of another account that its own policy allows to publish", { principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/app`, identityPolicy: publishAllowedByOwnPolicy }],
    ["another account's root", { principal: `arn:aws:iam::${OTHER_ACCOUNT}:root`, identityPolicy: publishAllowedByOwnPolicy }],
  ])("%s may not publish, even with this stack's alarm as source", async (_case, caller) => {
    const request = { ...cloudWatch(alarmArn(`usererrors-dynamodb-${stack}`)), ...caller };
    expect(await decide(policy, topicArn, request)).toBe("ImplicitlyDenied");
  });

  test("principals of the account keep managing the topic through their IAM policies, never without TLS", async () => {
    const allow = (action: string) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: topicArn }] });
    const operator = `arn:aws:iam::${ACCOUNT}:role/operator`;
    for (const action of ["sns:Subscribe", "sns:SetTopicAttributes", "sns:GetTopicAttributes", "sns:DeleteTopic", "sns:ListSubscriptionsByTopic"]) {
      expect(await decide(policy, topicArn, { principal: operator, action, identityPolicy: allow(action) })).toBe("Allowed");
      expect(await decide(policy, topicArn, { principal: operator, action, identityPolicy: allow(action), secureTransport: false })).toBe(
        "ExplicitlyDenied",
      );
      expect(await decide(policy, topicArn, { principal: operator, action })).toBe("ImplicitlyDenied");
    }
    const outsider = `arn:aws:iam::${OTHER_ACCOUNT}:role/operator`;
    expect(await decide(policy, topicArn, { principal: outsider, action: "sns:Subscribe", identityPolicy: allow("sns:Subscribe") })).toBe("ImplicitlyDenied");
  });
});

describe("alarm topic with the organisation's key", () => {
  test("alarmTopicKmsKeyArn encrypts the topic with that key", async () => {
    const key = "arn:aws:kms:ap-southeast-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const run = await runMonitoringStack("prod", { alarmTopicKmsKeyArn: key });
    expect(resourcesOfType(run, TOPIC).map((t) => t.inputs["kmsMasterKeyId"])).toEqual([key]);
  });
});
