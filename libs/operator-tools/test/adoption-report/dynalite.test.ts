import { CreateTableCommand, DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { LiveAccountError, describeLiveTable } from "../../src/live-account";
import type { TableSpec } from "@dynamodb-platform/platform";
import { TEST_TABLES, startDynalite, type LocalDynamoDb } from "@dynamodb-platform/testing";
import { assessTable } from "../../src/adoption-report/assess-table";
import type { Finding } from "../../src/adoption-report/finding";
import { PROD_TAGS } from "./recorded-responses";

// dynalite answers DescribeTable as DynamoDB does for keys, billing, indexes and counts; it
// ignores streams and SSE.
const spec = (key: string): TableSpec => TEST_TABLES.find((table) => table.key === key) as TableSpec;

describe("the DescribeTable path against a DynamoDB-compatible engine (dynalite on 127.0.0.1)", () => {
  let local: LocalDynamoDb;
  let client: DynamoDBClient;

  beforeAll(async () => {
    local = await startDynalite();
    client = new DynamoDBClient(local.clientConfig);
    // sessions as production has it today: provisioned, a stream, and an index the spec lacks.
    await client.send(
      new CreateTableCommand({
        TableName: "sessions",
        BillingMode: "PROVISIONED",
        ProvisionedThroughput: { ReadCapacityUnits: 25, WriteCapacityUnits: 10 },
        AttributeDefinitions: [
          { AttributeName: "sessionId", AttributeType: "S" },
          { AttributeName: "deviceId", AttributeType: "S" },
        ],
        KeySchema: [{ AttributeName: "sessionId", KeyType: "HASH" }],
        GlobalSecondaryIndexes: [
          {
            IndexName: "deviceId-index",
            KeySchema: [{ AttributeName: "deviceId", KeyType: "HASH" }],
            Projection: { ProjectionType: "KEYS_ONLY" },
            ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
          },
        ],
        StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" },
      }),
    );
    for (const id of ["s1", "s2", "s3"]) {
      await client.send(new PutItemCommand({ TableName: "sessions", Item: { sessionId: { S: id }, deviceId: { S: `d-${id}` } } }));
    }
    // events keyed on another attribute than the spec's.
    await client.send(
      new CreateTableCommand({
        TableName: "events",
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      }),
    );
  });

  afterAll(async () => {
    client.destroy();
    await local.stop();
  });

  async function findingsFor(key: string): Promise<Finding[]> {
    const table = await describeLiveTable(client, key);
    return assessTable(
      {
        spec: spec(key),
        live: { table, contributorInsights: {}, tags: PROD_TAGS, streamConsumers: [] },
        programTags: PROD_TAGS,
        now: new Date(),
        contributorInsightsImported: false,
      },
      {},
    );
  }
  const byTopic = (findings: Finding[], topic: string) => findings.find((finding) => finding.topic === topic);

  test("a provisioned table: key matches, billing switches, the extra index would be deleted, the spec's index built", async () => {
    const findings = await findingsFor("sessions");
    expect(byTopic(findings, "key schema")).toMatchObject({ verdict: "ok", live: "sessionId (S, HASH)" });
    expect(byTopic(findings, "billing mode")).toMatchObject({ verdict: "change", live: expect.stringMatching(/^PROVISIONED \(25 RCU, 10 WCU\)/) as unknown });
    expect(byTopic(findings, "GSI deviceId-index")).toMatchObject({ verdict: "data-loss", property: "globalSecondaryIndexes" });
    expect(byTopic(findings, "GSI userId-timestamp-index")).toMatchObject({ verdict: "change" });
    expect(byTopic(findings, "size")?.live).toMatch(/^\d+ items, \d+ bytes \(DynamoDB updates these about every six hours\)$/);
  });

  test("a table keyed differently from its spec stops the adoption", async () => {
    expect(byTopic(await findingsFor("events"), "key schema")).toMatchObject({ verdict: "stop", live: "id (S, HASH)", spec: "eventId (S, HASH)" });
  });

  test("a table that does not exist is one line naming it and the region", async () => {
    await expect(describeLiveTable(client, "users")).rejects.toThrow(LiveAccountError);
    await expect(describeLiveTable(client, "users")).rejects.toThrow(/^DescribeTable users \(ap-southeast-2\): not found \(/);
  });
});
