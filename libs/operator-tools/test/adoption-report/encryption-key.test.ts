import { DescribeKeyCommand } from "@aws-sdk/client-kms";
import { LiveAccountError } from "../../src/live-account";
import { awsError } from "@dynamodb-platform/testing";
import { AWS_MANAGED_KEY_ARN, CUSTOMER_KEY_ARN } from "./recorded-responses";
import { IMPORTS_EVENTS_INSIGHTS, block, conformingWorld, kms, removeWorkspaces, report, workspaceWith, type World } from "./world";

afterAll(removeWorkspaces);

/** The conforming account, with the sessions table on the organisation's own key. */
function sessionsOnCustomerKey(): World {
  const world = conformingWorld();
  world.tables.sessions = { ...world.tables.sessions, SSEDescription: { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: CUSTOMER_KEY_ARN } };
  world.keys[CUSTOMER_KEY_ARN] = "CUSTOMER";
  return world;
}

describe("the SSE key, told apart by KMS DescribeKey (KeyManager)", () => {
  test("the AWS managed key is what the spec wants: OK, exit 0; DescribeKey asked about exactly that key", async () => {
    const { code, text } = await report(conformingWorld());
    expect(code).toBe(0);
    const finding = block(text, "users", "encryption");
    expect(finding).toMatch(/^ {2}OK /);
    expect(finding).toContain(`live:     AWS managed key ${AWS_MANAGED_KEY_ARN} (KMS KeyManager AWS)`);
    expect(finding).toMatch(/adoption: unchanged$/m);
    expect(kms.commandCalls(DescribeKeyCommand).map((call) => call.args[0].input)).toEqual([
      { KeyId: AWS_MANAGED_KEY_ARN },
      { KeyId: AWS_MANAGED_KEY_ARN },
      { KeyId: AWS_MANAGED_KEY_ARN },
    ]);
  });

  test("a table on the AWS owned key asks KMS nothing", async () => {
    const world = conformingWorld();
    for (const name of Object.keys(world.tables)) world.tables[name] = { ...world.tables[name], SSEDescription: undefined };
    const { text } = await report(world);
    expect(block(text, "users", "encryption")).toMatch(/^ {2}CHANGE [\s\S]*live: +AWS owned key/);
    expect(kms.commandCalls(DescribeKeyCommand)).toHaveLength(0);
  });

  test("a customer managed key fails the run: adoption would keep it unseen; the accept line names serverSideEncryption", async () => {
    const { code, text } = await report(sessionsOnCustomerKey());
    expect(code).toBe(1);
    const finding = block(text, "sessions", "encryption");
    expect(finding).toMatch(/^ {2}DATA-LOSS /);
    expect(finding).toContain(`live:     customer managed key ${CUSTOMER_KEY_ARN} (KMS KeyManager CUSTOMER)`);
    expect(finding).toMatch(/the preview shows no difference and the table stays on this key unseen/);
    expect(finding).toContain("--table-name sessions --sse-specification Enabled=true,SSEType=KMS");
    expect(finding).toMatch(/loses: +the table stays on a key the spec does not want/);
    expect(finding).toContain("accept:   in stacks/data/Pulumi.prod.yaml, dynamodb-data:dataLossAccepted: { sessions: [serverSideEncryption] }");
    expect(block(text, "users", "encryption")).toMatch(/^ {2}OK /);
    expect(text).toMatch(/Result: 1 finding\(s\) marked STOP or DATA-LOSS/);
  });

  test("a customer managed key the stack acknowledges for that table is ACKNOWLEDGED, exit 0", async () => {
    const root = workspaceWith("prod", { ...IMPORTS_EVENTS_INSIGHTS, "dynamodb-data:dataLossAccepted": { sessions: ["serverSideEncryption"] } });
    const { code, text } = await report(sessionsOnCustomerKey(), { root });
    expect(code).toBe(0);
    expect(block(text, "sessions", "encryption")).toMatch(/^ {2}ACKNOWLEDGED [\s\S]*customer managed key/);
  });

  test("an acknowledgement on another table does not cover the key", async () => {
    const root = workspaceWith("prod", { ...IMPORTS_EVENTS_INSIGHTS, "dynamodb-data:dataLossAccepted": { users: ["serverSideEncryption"] } });
    const { code, text } = await report(sessionsOnCustomerKey(), { root });
    expect(code).toBe(1);
    expect(block(text, "sessions", "encryption")).toMatch(/^ {2}DATA-LOSS /);
    expect(block(text, "users", "dataLossAccepted: serverSideEncryption")).toMatch(/^ {2}ATTENTION [\s\S]*remove it once the adoption is done/);
  });

  test("DescribeKey denied: one STOP line naming the key ARN and kms:DescribeKey, exit 1, the other tables still reported", async () => {
    // KMS answers AccessDeniedException with HTTP 400 (not 403).
    const denied = awsError(
      "AccessDeniedException",
      `User: arn:aws:sts::123456789012:assumed-role/ops/x is not authorized to perform: kms:DescribeKey on resource: ${CUSTOMER_KEY_ARN} because no resource-based policy allows the kms:DescribeKey action`,
    );
    const { code, text } = await report(sessionsOnCustomerKey(), {
      alter: () => kms.on(DescribeKeyCommand, { KeyId: CUSTOMER_KEY_ARN }).rejects(denied),
    });
    expect(code).toBe(1);
    const finding = block(text, "sessions", "encryption");
    expect(finding).toMatch(/^ {2}STOP /);
    const adoption = finding.split("\n").filter((line) => line.includes("adoption:"));
    expect(adoption).toEqual([
      expect.stringContaining(
        `adoption: kms:DescribeKey on ${CUSTOMER_KEY_ARN} was denied, so whether it is the AWS managed key or a customer managed key is unknown: allow kms:DescribeKey on that key`,
      ),
    ]);
    expect(block(text, "users", "encryption")).toMatch(/^ {2}OK /);
  });

  test("an acknowledgement does not turn a denied DescribeKey into a pass", async () => {
    const root = workspaceWith("prod", { ...IMPORTS_EVENTS_INSIGHTS, "dynamodb-data:dataLossAccepted": { sessions: ["serverSideEncryption"] } });
    const denied = awsError("AccessDeniedException", "not authorized to perform: kms:DescribeKey");
    const { code, text } = await report(sessionsOnCustomerKey(), { root, alter: () => kms.on(DescribeKeyCommand).rejects(denied) });
    expect(code).toBe(1);
    expect(block(text, "sessions", "encryption")).toMatch(/^ {2}STOP /);
  });

  test("DescribeKey throttled after retries is a one-line error naming the call and the key", async () => {
    const throttled = awsError("ThrottlingException", "Rate exceeded");
    const failure = await report(sessionsOnCustomerKey(), { alter: () => kms.on(DescribeKeyCommand).rejects(throttled) }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LiveAccountError);
    expect((failure as Error).message).toMatch(/^DescribeKey arn:aws:kms:ap-southeast-2:123456789012:key\/[0-9a-f-]+: AWS kept throttling the request after retries with backoff/);
  });
});
