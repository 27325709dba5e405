import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { GetProductsCommand } from "@aws-sdk/client-pricing";
import { mockAccount, runTool } from "./fixtures/account";

const account = mockAccount();
beforeEach(() => account.reset());

function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

const noAwsCall = () => {
  expect(account.dynamodb.calls()).toHaveLength(0);
  expect(account.cloudwatch.calls()).toHaveLength(0);
  expect(account.pricing.calls()).toHaveLength(0);
};

describe("AWS failures stop the run with one line and exit 2", () => {
  test("missing credentials", async () => {
    account.pricing.on(GetProductsCommand).rejects(awsError("CredentialsProviderError", "Could not load credentials from any providers"));
    const result = await runTool(["--stack", "prod"]);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(/^cost-report: GetProducts AmazonDynamoDB: no AWS credentials found\. Sign in .* and run again\.$/);
  });

  test("access denied", async () => {
    account.cloudwatch.on(GetMetricDataCommand).rejects(awsError("AccessDenied", "User: arn:aws:iam::123456789012:user/x is not authorized to perform: cloudwatch:GetMetricData", 403));
    const result = await runTool(["--stack", "prod"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cost-report: GetMetricData events: access denied \(User: .* cloudwatch:GetMetricData\)\. Use a role allowed this read-only call\.$/);
  });

  test("throttling after the SDK's retries", async () => {
    account.dynamodb.on(DescribeTableCommand, { TableName: "sessions" }).rejects(awsError("ThrottlingException", "Rate of requests exceeds the allowed throughput"));
    const result = await runTool(["--stack", "prod", "--json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("cost-report: DescribeTable sessions (ap-southeast-2): AWS kept throttling the request after retries with backoff (ThrottlingException). Run again later.");
  });
});

test("a missing table names the table and the region", async () => {
  account.dynamodb.on(DescribeTableCommand, { TableName: "users" }).rejects(awsError("ResourceNotFoundException", "Requested resource not found: Table: users not found"));
  const result = await runTool(["--stack", "prod"]);
  expect(result).toMatchObject({ code: 2, stdout: "" });
  expect(result.stderr).toBe("cost-report: DescribeTable users (ap-southeast-2): not found (Requested resource not found: Table: users not found).");
});

describe("bad input is refused before any AWS call", () => {
  test.each(["0", "91", "1.5", "two", "-3"])("--days %s", async (days) => {
    const result = await runTool(["--stack", "prod", `--days=${days}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`cost-report: --days '${days}' is not allowed. Use a whole number of days from 1 to 90 (default 14)`);
    noAwsCall();
  });

  test("--stack missing", async () => {
    const result = await runTool(["--days", "7"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cost-report: --stack is required/);
    noAwsCall();
  });

  test("a stack without a stack file", async () => {
    const result = await runTool(["--stack", "staging"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cost-report: \S*stacks\/data\/Pulumi\.staging\.yaml does not exist\. Create it \(pulumi stack init <stack>, then set its config\) or choose an existing stack$/);
    noAwsCall();
  });

  test("--prices and --save-prices together", async () => {
    const result = await runTool(["--stack", "prod", "--prices", "a.json", "--save-prices", "b.json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot be used together/);
    noAwsCall();
  });

  test("an unknown option", async () => {
    const result = await runTool(["--stack", "prod", "--region", "us-east-1"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cost-report: Unknown option '--region'.*Usage: npm run cost-report/);
    noAwsCall();
  });
});

test("a price list without a needed price names the usage type", async () => {
  account.pricing.on(GetProductsCommand).resolves({ FormatVersion: "aws_v1", PriceList: [] });
  const result = await runTool(["--stack", "prod"]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^cost-report: the AmazonDynamoDB price list for ap-southeast-2 has no paid price with usage type 'ReadCapacityUnit-Hrs'/);
  expect(account.dynamodb.calls()).toHaveLength(0);
});
