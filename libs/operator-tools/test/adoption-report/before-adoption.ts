import type { TableDescription } from "@aws-sdk/client-dynamodb";
import type { DataLossAccepted, DataLossProperty } from "@dynamodb-platform/platform";
import type { RecordedTable } from "@dynamodb-platform/testing";
import { parse } from "yaml";

/**
 * The production account before adoption, as the adoption runbook starts from it: provisioned
 * tables on the AWS owned key, a KEYS_ONLY stream on events read by a Lambda function, a legacy
 * index on sessions, 7-day PITR on users, a legacy tag on events. Used as recorded responses and,
 * in the moto tier, created through the AWS APIs.
 */
export const ACCOUNT = "123456789012";
const ARN = (name: string) => `arn:aws:dynamodb:ap-southeast-2:${ACCOUNT}:table/${name}`;
export const BEFORE_STREAM = `${ARN("events")}/stream/2023-02-01T00:00:00.000`;
const CREATED = new Date("2021-03-04T05:06:07.000Z");

/** The Lambda function reading the events stream before adoption. */
export const STREAM_CONSUMER = "events-consumer";

/** Provisioned, on the AWS owned key (no SSEDescription: DynamoDB's default), as DescribeTable returns it. */
function legacyTable(name: string, attributes: [string, "S" | "N"][], extra: Partial<TableDescription> = {}): TableDescription {
  return {
    TableName: name,
    TableArn: ARN(name),
    TableStatus: "ACTIVE",
    CreationDateTime: CREATED,
    AttributeDefinitions: attributes.map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: [{ AttributeName: attributes[0][0], KeyType: "HASH" }],
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 25, WriteCapacityUnits: 10 },
    ItemCount: 1200,
    TableSizeBytes: 480000,
    DeletionProtectionEnabled: false,
    ...extra,
  };
}

export const BEFORE: Record<string, RecordedTable> = {
  events: {
    description: legacyTable("events", [["eventId", "S"]], {
      StreamSpecification: { StreamEnabled: true, StreamViewType: "KEYS_ONLY" },
      LatestStreamArn: BEFORE_STREAM,
      LatestStreamLabel: "2023-02-01T00:00:00.000",
    }),
    tags: { owner: "legacy-team" },
  },
  sessions: {
    description: legacyTable("sessions", [["sessionId", "S"], ["email", "S"]], {
      GlobalSecondaryIndexes: [
        {
          IndexName: "email-index",
          KeySchema: [{ AttributeName: "email", KeyType: "HASH" }],
          Projection: { ProjectionType: "KEYS_ONLY" },
          IndexStatus: "ACTIVE",
          ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 },
          ItemCount: 900,
          IndexSizeBytes: 36000,
        },
      ],
    }),
  },
  users: { description: legacyTable("users", [["userId", "S"]]), pitrDays: 7 },
};

/** What the report must ask to accept for this account: the stream's new view type and the legacy index. */
export const BEFORE_ACCEPTED: DataLossAccepted = { events: ["streamViewType"], sessions: ["globalSecondaryIndexes"] };

/** The lines under "To accept every DATA-LOSS above", read back as the stack file would hold them. */
export function acceptLines(text: string): DataLossAccepted {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith("To accept every DATA-LOSS above"));
  if (start < 0) return {};
  const block = lines.slice(start + 1, lines.indexOf("", start));
  const yaml = parse(block.join("\n")) as Record<string, Record<string, DataLossProperty[]>>;
  return yaml["dynamodb-data:dataLossAccepted"];
}
