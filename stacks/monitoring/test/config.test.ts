import { exampleDataStackOutputs } from "@dynamodb-platform/testing";
import { expectRunFailure, resourcesOfType } from "@dynamodb-platform/program-runner";
import { ALARM, SUBSCRIPTION, dataOutputsFor, runMonitoringStack } from "./run-monitoring-stack";

const failureOf = expectRunFailure;

describe("monitoring configuration", () => {
  test("thresholds and datapoints come from config", async () => {
    const run = await runMonitoringStack("dev", { systemErrorsThreshold: "10", systemErrorsDatapoints: "5" });
    for (const alarm of resourcesOfType(run, ALARM).filter((a) => a.name.startsWith("systemerrors-"))) {
      expect(alarm.inputs).toMatchObject({ threshold: 10, evaluationPeriods: 7, datapointsToAlarm: 5 });
    }
  });

  test("without the keys, the documented defaults apply (more than 1 a minute, 3 minutes in a row)", async () => {
    const run = await runMonitoringStack("dev", { systemErrorsThreshold: undefined, systemErrorsDatapoints: undefined });
    const alarm = resourcesOfType(run, ALARM).find((a) => a.name === "systemerrors-events-dev");
    expect(alarm?.inputs).toMatchObject({ threshold: 1, evaluationPeriods: 5, datapointsToAlarm: 3 });
  });

  test("the UserErrors threshold comes from config, and the alarm's description says it", async () => {
    const run = await runMonitoringStack("prod", { userErrorsThreshold: "20" });
    const alarm = resourcesOfType(run, ALARM).find((a) => a.name === "usererrors-dynamodb-prod");
    expect(alarm?.inputs).toMatchObject({ threshold: 20, datapointsToAlarm: 1, evaluationPeriods: 3 });
    expect(alarm?.inputs["alarmDescription"]).toMatch(/^DynamoDB client errors \(HTTP 400\) above 20 a minute/);
    for (const other of resourcesOfType(run, ALARM).filter((a) => a.name.startsWith("systemerrors-"))) expect(other.inputs["threshold"]).toBe(1);
  });

  test("without userErrorsThreshold, the mission's rule applies: more than 5 a minute", async () => {
    const run = await runMonitoringStack("dev", { userErrorsThreshold: undefined });
    const alarm = resourcesOfType(run, ALARM).find((a) => a.name === "usererrors-dynamodb-dev");
    expect(alarm?.inputs).toMatchObject({ comparisonOperator: "GreaterThanThreshold", threshold: 5, datapointsToAlarm: 1, evaluationPeriods: 3 });
  });

  test("the longest window a Metrics Insights alarm accepts (3 hours of one-minute periods) is allowed", async () => {
    const run = await runMonitoringStack("dev", { systemErrorsDatapoints: "178" });
    const alarm = resourcesOfType(run, ALARM).find((a) => a.name === "systemerrors-events-dev");
    expect(alarm?.inputs).toMatchObject({ evaluationPeriods: 180, datapointsToAlarm: 178 });
  });

  test("without alarmEmails nothing subscribes", async () => {
    expect(resourcesOfType(await runMonitoringStack("prod"), SUBSCRIPTION)).toEqual([]);
  });

  test("each configured e-mail address subscribes to the topic", async () => {
    const run = await runMonitoringStack("prod", { alarmEmails: '["analytics-platform-oncall@example.com"]' });
    const subscriptions = resourcesOfType(run, SUBSCRIPTION);
    expect(subscriptions.map((s) => s.inputs)).toEqual([
      {
        topic: run.outputs["alarmTopicArn"],
        protocol: "email",
        endpoint: "analytics-platform-oncall@example.com",
      },
    ]);
  });

  test("a dataStack override is the stack that gets read", async () => {
    const run = await runMonitoringStack("dev", { dataStack: "acme/dynamodb-data/staging" }, {
      "acme/dynamodb-data/staging": { ...exampleDataStackOutputs({ tableNames: { events: "events-staging", sessions: "sessions-staging", users: "users-staging" } }) },
    });
    expect(resourcesOfType(run, ALARM).find((a) => a.name === "systemerrors-events-dev")?.inputs["alarmDescription"]).toContain(
      "events-staging",
    );
  });

  test.each([
    ["zero threshold", { systemErrorsThreshold: "0" }, /'dynamodb-monitoring:systemErrorsThreshold': '0' is not a positive number/],
    ["negative threshold", { systemErrorsThreshold: "-2" }, /'dynamodb-monitoring:systemErrorsThreshold': '-2' is not a positive number/],
    ["fractional datapoints", { systemErrorsDatapoints: "1.5" }, /'dynamodb-monitoring:systemErrorsDatapoints': '1.5' is not a positive whole number/],
    ["an invalid e-mail", { alarmEmails: '["oncall-at-example.com"]' }, /'dynamodb-monitoring:alarmEmails': 'oncall-at-example.com' is not an e-mail address/],
    ["e-mails that are not a list", { alarmEmails: "oncall@example.com" }, /'dynamodb-monitoring:alarmEmails'.*is not a list of strings/],
    ["a duplicated e-mail", { alarmEmails: '["a@example.com","A@example.com"]' }, /'dynamodb-monitoring:alarmEmails': an address is listed twice/],
    [
      "a window longer than the 3 hours a Metrics Insights alarm sees",
      { systemErrorsDatapoints: "179" },
      /'dynamodb-monitoring:systemErrorsDatapoints': 179 minutes \(evaluated over 181 one-minute periods, 10860 s\) exceed the 10800 s \(3 hours\).*Use at most 178/,
    ],
    ["the AWS managed SNS key by alias", { alarmTopicKmsKeyArn: "alias/aws/sns" }, /'dynamodb-monitoring:alarmTopicKmsKeyArn': 'alias\/aws\/sns' is the AWS managed key aws\/sns/],
    [
      "the AWS managed SNS key by alias ARN",
      { alarmTopicKmsKeyArn: "arn:aws:kms:ap-southeast-2:123456789012:alias/aws/sns" },
      /'dynamodb-monitoring:alarmTopicKmsKeyArn': .* is the AWS managed key aws\/sns/,
    ],
    ["a key id instead of an ARN", { alarmTopicKmsKeyArn: "1234abcd-12ab-34cd-56ef-1234567890ab" }, /'dynamodb-monitoring:alarmTopicKmsKeyArn': .* is not a KMS key ARN/],
    [
      "an alias of another key",
      { alarmTopicKmsKeyArn: "arn:aws:kms:ap-southeast-2:111122223333:alias/org-alarms" },
      /'dynamodb-monitoring:alarmTopicKmsKeyArn': .* is not a KMS key ARN/,
    ],
    [
      "a key in another region",
      { alarmTopicKmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
      /'dynamodb-monitoring:alarmTopicKmsKeyArn': the key is in us-east-1, the topic in ap-southeast-2/,
    ],
    ["a bad suffix", { environmentSuffix: "Prod_1" }, /'dynamodb-monitoring:environmentSuffix': 'Prod_1' is not allowed/],
    ["a zero UserErrors threshold", { userErrorsThreshold: "0" }, /'dynamodb-monitoring:userErrorsThreshold': '0' is not a positive number/],
    ["a UserErrors threshold that is not a number", { userErrorsThreshold: "five" }, /'dynamodb-monitoring:userErrorsThreshold': 'five' is not a positive number/],
    [
      "a misspelt key (systemErrorThreshold)",
      { systemErrorThreshold: "5" },
      /^Invalid configuration 'dynamodb-monitoring:systemErrorThreshold': it is not a key this stack reads \(written in .*stacks\/monitoring\/Pulumi\.dev\.yaml\)\. Did you mean 'dynamodb-monitoring:systemErrorsThreshold'\?/,
    ],
    [
      "a misspelt key (userErrorThreshold)",
      { userErrorThreshold: "5" },
      /'dynamodb-monitoring:userErrorThreshold': it is not a key this stack reads .*Did you mean 'dynamodb-monitoring:userErrorsThreshold'\?/,
    ],
  ])("%s fails with a named error before any resource", async (_case, overrides, message) => {
    const failure = await failureOf(runMonitoringStack("dev", overrides));
    expect(failure.message).toMatch(message);
    expect(failure.resources.filter((r) => r.custom && r.type.startsWith("aws:"))).toEqual([]);
  });

  test("a data stack without the outputs names the stack and output and says to deploy data first", async () => {
    const failure = await failureOf(runMonitoringStack("dev", {}, {}));
    expect(failure.message).toMatch(
      /Required output 'tableNames' does not exist on stack 'organization\/dynamodb-data\/dev'.*Deploy the data stack first/,
    );
    expect(failure.resources.filter((r) => r.type.startsWith("aws:"))).toEqual([]);
  });

  test("inconsistent data stack outputs are refused before any alarm", async () => {
    const outputs = dataOutputsFor("dev");
    const failure = await failureOf(
      runMonitoringStack("dev", {}, {
        "organization/dynamodb-data/dev": { ...outputs, tableArns: { ...outputs.tableArns, users: "not-an-arn" } },
      }),
    );
    expect(failure.message).toMatch(/output 'tableArns.users' \(not-an-arn\) is not the ARN of table 'users-dev'/);
  });
});
