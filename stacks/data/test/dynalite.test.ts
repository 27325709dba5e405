import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  type CreateTableCommandInput,
} from "@aws-sdk/client-dynamodb";
import type { RegisteredResource } from "@dynamodb-platform/program-runner";
import { startDynalite, type LocalDynamoDb } from "@dynamodb-platform/testing";
import { runDataStack, tablesByKey, TABLE, resourcesOfType } from "./run-data-stack";

interface TableInputs {
  name: string;
  billingMode: "PAY_PER_REQUEST";
  hashKey: string;
  rangeKey?: string;
  attributes: { name: string; type: "S" | "N" | "B" }[];
  globalSecondaryIndexes?: { name: string; keySchemas: { attributeName: string; keyType: "HASH" | "RANGE" }[]; projectionType: "ALL" | "KEYS_ONLY" }[];
  streamEnabled: boolean;
  streamViewType?: "NEW_AND_OLD_IMAGES";
}

/** The CreateTable request equivalent to the inputs the program gives the AWS provider. */
function createTableInput(table: RegisteredResource): CreateTableCommandInput {
  const inputs = table.inputs as unknown as TableInputs;
  return {
    TableName: inputs.name,
    BillingMode: inputs.billingMode,
    AttributeDefinitions: inputs.attributes.map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    KeySchema: [
      { AttributeName: inputs.hashKey, KeyType: "HASH" },
      ...(inputs.rangeKey ? [{ AttributeName: inputs.rangeKey, KeyType: "RANGE" as const }] : []),
    ],
    GlobalSecondaryIndexes: inputs.globalSecondaryIndexes?.map((index) => ({
      IndexName: index.name,
      KeySchema: index.keySchemas.map((key) => ({ AttributeName: key.attributeName, KeyType: key.keyType })),
      Projection: { ProjectionType: index.projectionType },
    })),
    StreamSpecification: inputs.streamEnabled ? { StreamEnabled: true, StreamViewType: inputs.streamViewType } : undefined,
    SSESpecification: { Enabled: true },
  };
}

// dynalite validates CreateTable like DynamoDB (unused or duplicate attribute definitions, key
// schemas, GSIs) and answers queries; it ignores streams and SSE.
describe("the table specs against a DynamoDB-compatible engine (dynalite on 127.0.0.1)", () => {
  let local: LocalDynamoDb;
  let client: DynamoDBClient;
  let tables: Record<string, RegisteredResource>;

  beforeAll(async () => {
    local = await startDynalite();
    client = new DynamoDBClient(local.clientConfig);
    tables = tablesByKey(await runDataStack("dev"));
  });

  afterAll(async () => {
    client.destroy();
    await local.stop();
  });

  test.each(["events", "sessions", "users"])("CreateTable accepts %s as the program declares it", async (key) => {
    await client.send(new CreateTableCommand(createTableInput(tables[key])));
    const { Table } = await client.send(new DescribeTableCommand({ TableName: String(tables[key].inputs["name"]) }));
    expect(Table?.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
    expect(Table?.KeySchema).toEqual(createTableInput(tables[key]).KeySchema);
  });

  test("a spec whose index reuses the table's key attribute declares it once, as DynamoDB requires", async () => {
    const run = await runDataStack("dev", {}, [
      {
        key: "orders",
        hashKey: { name: "customerId", type: "S" },
        rangeKey: { name: "orderedAt", type: "N" },
        globalSecondaryIndexes: [
          { name: "customerId-status-index", hashKey: { name: "customerId", type: "S" }, rangeKey: { name: "status", type: "S" }, projection: "KEYS_ONLY" },
        ],
      },
    ]);
    const [orders] = resourcesOfType(run, TABLE);
    await client.send(new CreateTableCommand(createTableInput(orders)));
    const { Table } = await client.send(new DescribeTableCommand({ TableName: "orders-dev" }));
    expect(Table?.AttributeDefinitions?.map((a) => a.AttributeName).sort()).toEqual(["customerId", "orderedAt", "status"]);
  });

  test("the sessions GSI answers: sessions of user U between t1 and t2, newest first", async () => {
    const TableName = String(tables.sessions.inputs["name"]);
    const sessions: [string, string, number][] = [
      ["s1", "user-1", 100],
      ["s2", "user-1", 200],
      ["s3", "user-1", 300],
      ["s4", "user-1", 400],
      ["s5", "user-2", 250],
    ];
    for (const [sessionId, userId, timestamp] of sessions) {
      await client.send(
        new PutItemCommand({ TableName, Item: { sessionId: { S: sessionId }, userId: { S: userId }, timestamp: { N: String(timestamp) } } }),
      );
    }
    const result = await client.send(
      new QueryCommand({
        TableName,
        IndexName: "userId-timestamp-index",
        // `timestamp` is a DynamoDB reserved word, hence the placeholder name.
        KeyConditionExpression: "userId = :user AND #ts BETWEEN :from AND :to",
        ExpressionAttributeNames: { "#ts": "timestamp" },
        ExpressionAttributeValues: { ":user": { S: "user-1" }, ":from": { N: "150" }, ":to": { N: "350" } },
        ScanIndexForward: false,
      }),
    );
    expect(result.Items?.map((item) => item["sessionId"].S)).toEqual(["s3", "s2"]);
  });
});
