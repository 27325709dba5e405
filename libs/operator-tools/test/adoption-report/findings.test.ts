import { ListEventSourceMappingsCommand } from "@aws-sdk/client-lambda";
import { pitrResponse } from "@dynamodb-platform/testing";
import { CONTRIBUTOR_INSIGHTS_ADOPTION } from "../../src/adoption-report";
import { assessTable } from "../../src/adoption-report/assess-table";
import { PROD_TAGS, lambdaReader, onDemandTable, provisioned, streamArn } from "./recorded-responses";
import { NOW, block, conformingWorld, lambda, removeWorkspaces, report, workspaceWith } from "./world";

afterAll(removeWorkspaces);

describe("live tables that already match the specs", () => {
  test("exit 0, every table imported as it is, contributor insights adopted by import", async () => {
    const { code, text } = await report(conformingWorld());
    expect(code).toBe(0);
    expect(text).toMatch(/Result: nothing fails or is lost without an acknowledgement\./);
    expect(text).not.toMatch(/^ {2}(STOP|DATA-LOSS) /m);
    expect(block(text, "events", "key schema")).toMatch(/OK .*\n.*live: {5}eventId \(S, HASH\)\n.*spec: {5}eventId \(S, HASH\)\n.*adoption: imported as it is/);
    expect(block(text, "events", "contributor insights")).toContain(`adoption: ${CONTRIBUTOR_INSIGHTS_ADOPTION}`);
    expect(CONTRIBUTOR_INSIGHTS_ADOPTION).toBe("adopted by import");
  });
});

describe("key schema", () => {
  test("a live key other than the spec's stops the adoption: import would need a replacement", async () => {
    const world = conformingWorld();
    world.tables.events = onDemandTable("events", "id", { StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" } });
    const { code, text } = await report(world);
    expect(code).toBe(1);
    const finding = block(text, "events", "key schema");
    expect(finding).toMatch(/^ {2}STOP /);
    expect(finding).toMatch(/live: +id \(S, HASH\)/);
    expect(finding).toMatch(/import fails: a different key schema means a replacement/);
  });

  test("the same name with another type is a different key too", async () => {
    const world = conformingWorld();
    world.tables.users = onDemandTable("users", "userId", { AttributeDefinitions: [{ AttributeName: "userId", AttributeType: "N" }] });
    const { code, text } = await report(world);
    expect(code).toBe(1);
    expect(block(text, "users", "key schema")).toMatch(/^ {2}STOP /);
  });
});

describe("billing mode and when it last changed", () => {
  test("provisioned, never on-demand: switched in place, the first switch of the 24-hour window", async () => {
    const world = conformingWorld();
    world.tables.users = provisioned(world.tables.users, 25, 10);
    const { code, text } = await report(world);
    expect(code).toBe(0);
    const finding = block(text, "users", "billing mode");
    expect(finding).toMatch(/^ {2}CHANGE /);
    expect(finding).toMatch(/PROVISIONED \(25 RCU, 10 WCU\); last set to on-demand: never/);
    expect(finding).toMatch(/AWS allows 4 switches from provisioned to on-demand per rolling 24 hours/);
  });

  test("provisioned again after an on-demand switch 3 hours ago: the operator is told to count the switches", async () => {
    const world = conformingWorld();
    const threeHoursAgo = new Date(NOW.getTime() - 3 * 3600 * 1000);
    world.tables.users = {
      ...provisioned(world.tables.users),
      BillingModeSummary: { BillingMode: "PROVISIONED", LastUpdateToPayPerRequestDateTime: threeHoursAgo },
    };
    const finding = block((await report(world)).text, "users", "billing mode");
    expect(finding).toMatch(/^ {2}ATTENTION /);
    expect(finding).toContain(`last set to on-demand: ${threeHoursAgo.toISOString()}`);
    expect(finding).toMatch(/within the last 24 hours: AWS allows 4 such switches per rolling 24 hours/);
    expect(finding).toContain(`wait until ${new Date(threeHoursAgo.getTime() + 24 * 3600 * 1000).toISOString()}`);
  });

  test("already on-demand: unchanged, with the date it became on-demand", async () => {
    const finding = block((await report(conformingWorld())).text, "users", "billing mode");
    expect(finding).toMatch(/^ {2}OK /);
    expect(finding).toContain("PAY_PER_REQUEST (on-demand since 2023-01-01T00:00:00.000Z)");
  });
});

describe("encryption type and key", () => {
  test("the AWS owned key (no SSEDescription) moves to the AWS managed key", async () => {
    const world = conformingWorld();
    world.tables.users = { ...world.tables.users, SSEDescription: undefined };
    const finding = block((await report(world)).text, "users", "encryption");
    expect(finding).toMatch(/^ {2}CHANGE /);
    expect(finding).toMatch(/live: +AWS owned key/);
    expect(finding).toMatch(/switched to the AWS managed key in place/);
  });

  test("a table whose KMS key is inaccessible stops the adoption", async () => {
    const world = conformingWorld();
    world.tables.users = { ...world.tables.users, TableStatus: "INACCESSIBLE_ENCRYPTION_CREDENTIALS" };
    const { code, text } = await report(world);
    expect(code).toBe(1);
    expect(block(text, "users", "table status")).toMatch(/STOP [\s\S]*cannot use the table's KMS key/);
  });
});

describe("global secondary indexes", () => {
  const emailIndex = {
    IndexName: "email-index",
    IndexStatus: "ACTIVE" as const,
    KeySchema: [{ AttributeName: "email", KeyType: "HASH" as const }],
    Projection: { ProjectionType: "KEYS_ONLY" as const },
    ItemCount: 900,
    IndexSizeBytes: 36000,
  };

  test("a live GSI missing from the spec would be deleted: data loss, exit 1, with the line that accepts it", async () => {
    const world = conformingWorld();
    world.tables.users = { ...world.tables.users, GlobalSecondaryIndexes: [emailIndex] };
    const { code, text } = await report(world);
    expect(code).toBe(1);
    const finding = block(text, "users", "GSI email-index");
    expect(finding).toMatch(/^ {2}DATA-LOSS /);
    expect(finding).toMatch(/live: +email HASH, projection KEYS_ONLY; 900 items, 36000 bytes/);
    expect(finding).toMatch(/adoption: deleted/);
    expect(finding).toMatch(/loses: +deleting a global secondary index drops it/);
    expect(finding).toContain("accept:   in stacks/data/Pulumi.prod.yaml, dynamodb-data:dataLossAccepted: { users: [globalSecondaryIndexes] }");
    expect(text).toMatch(/Result: 1 finding\(s\) marked STOP or DATA-LOSS/);
  });

  test("the spec's GSI missing live is built, with a labelled backfill estimate from the table's size", async () => {
    const world = conformingWorld();
    // 2,000,000 items of 2,000 bytes: 2 write units each, 4,000,000 units at 4,000/s = 1,000 s.
    world.tables.sessions = onDemandTable("sessions", "sessionId", { ItemCount: 2_000_000, TableSizeBytes: 4_000_000_000 });
    const { code, text } = await report(world);
    expect(code).toBe(0);
    const finding = block(text, "sessions", "GSI userId-timestamp-index");
    expect(finding).toMatch(/^ {2}CHANGE /);
    expect(finding).toMatch(/live: +\(absent\)/);
    expect(finding).toContain("estimate: about 17 minutes to backfill (2000000 items x 2 write unit(s) at 4000 write units/s");
  });

  test("a GSI of the spec's name with other keys is deleted and rebuilt: data loss", async () => {
    const world = conformingWorld();
    world.tables.sessions = {
      ...world.tables.sessions,
      GlobalSecondaryIndexes: [
        { IndexName: "userId-timestamp-index", KeySchema: [{ AttributeName: "userId", KeyType: "HASH" }], Projection: { ProjectionType: "KEYS_ONLY" } },
      ],
    };
    const finding = block((await report(world)).text, "sessions", "GSI userId-timestamp-index");
    expect(finding).toMatch(/^ {2}DATA-LOSS /);
    expect(finding).toMatch(/deleted and built again/);
  });
});

describe("stream and its readers", () => {
  test("a stream the spec does not want is disabled: its Lambda readers are named, data loss", async () => {
    const world = conformingWorld();
    const arn = streamArn("sessions");
    world.tables.sessions = { ...world.tables.sessions, StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" }, LatestStreamArn: arn };
    world.readers[arn] = [lambdaReader("session-audit", arn)];
    const { code, text } = await report(world);
    expect(code).toBe(1);
    const finding = block(text, "sessions", "stream");
    expect(finding).toMatch(/^ {2}DATA-LOSS /);
    expect(finding).toContain("read by arn:aws:lambda:ap-southeast-2:123456789012:function:session-audit (Enabled");
    expect(finding).toMatch(/adoption: disabled: every consumer stops/);
    expect(finding).toContain("{ sessions: [streamEnabled] }");
    expect(lambda.commandCalls(ListEventSourceMappingsCommand, { EventSourceArn: arn })).toHaveLength(1);
  });

  test("another view type on events means a new stream ARN: data loss on streamViewType", async () => {
    const world = conformingWorld();
    world.tables.events = { ...world.tables.events, StreamSpecification: { StreamEnabled: true, StreamViewType: "KEYS_ONLY" } };
    const finding = block((await report(world)).text, "events", "stream");
    expect(finding).toMatch(/^ {2}DATA-LOSS /);
    expect(finding).toMatch(/a new stream ARN, consumers must move/);
    expect(finding).toContain("{ events: [streamViewType] }");
  });

  test("no stream on events today: enabled, nothing lost", async () => {
    const world = conformingWorld();
    world.tables.events = onDemandTable("events", "eventId");
    const finding = block((await report(world)).text, "events", "stream");
    expect(finding).toMatch(/^ {2}CHANGE /);
    expect(lambda.commandCalls(ListEventSourceMappingsCommand)).toHaveLength(0);
  });
});

describe("point-in-time recovery", () => {
  test("PITR on where the spec has none is switched off: recovery points lost", async () => {
    const world = conformingWorld();
    world.pitr.sessions = 14;
    const { code, text } = await report(world);
    expect(code).toBe(1);
    const finding = block(text, "sessions", "point-in-time recovery");
    expect(finding).toMatch(/^ {2}DATA-LOSS /);
    expect(finding).toMatch(/live: +enabled, 14 days \(restorable from 2024-04-01T00:00:00.000Z\)/);
    expect(finding).toMatch(/switched off: every recovery point is deleted/);
  });

  test("a spec window shorter than the live one deletes the older recovery points", () => {
    const findings = assessTable(
      {
        spec: { key: "users", hashKey: { name: "userId", type: "S" }, pointInTimeRecoveryDays: 7 },
        live: { table: onDemandTable("users", "userId"), continuousBackups: pitrResponse(35).ContinuousBackupsDescription, contributorInsights: {}, tags: PROD_TAGS, streamConsumers: [] },
        programTags: PROD_TAGS,
        now: NOW,
        contributorInsightsImported: false,
      },
      {},
    );
    expect(findings.find((finding) => finding.topic === "point-in-time recovery")).toMatchObject({
      verdict: "data-loss",
      property: "pointInTimeRecovery",
      adoption: "window shortened: recovery points older than 7 days are deleted",
    });
  });

  test("PITR off where the spec wants 35 days is switched on", async () => {
    const world = conformingWorld();
    world.pitr.users = false;
    const finding = block((await report(world)).text, "users", "point-in-time recovery");
    expect(finding).toMatch(/^ {2}CHANGE /);
  });
});

describe("TTL, contributor insights, tags, size", () => {
  test("a live TTL is kept: the program declares none", async () => {
    const world = conformingWorld();
    world.ttl.sessions = "expiresAt";
    const finding = block((await report(world)).text, "sessions", "time to live");
    expect(finding).toMatch(/live: +ENABLED on attribute 'expiresAt'/);
    expect(finding).toMatch(/kept/);
  });

  test("contributor insights the spec wants but the table lacks are enabled; ones it does not want are pointed out", async () => {
    const world = conformingWorld();
    world.insights = { sessions: "THROTTLED_KEYS" };
    const { code, text } = await report(world, { root: workspaceWith("prod", {}) });
    expect(code).toBe(0);
    expect(block(text, "events", "contributor insights")).toMatch(/CHANGE [\s\S]*enabled by the program/);
    expect(block(text, "sessions", "contributor insights")).toMatch(/ATTENTION [\s\S]*the program does not manage it/);
  });

  test("a running rule the stack config does not list for import is pointed out: it would be created again", async () => {
    const { code, text } = await report(conformingWorld(), { root: workspaceWith("prod", {}) });
    expect(code).toBe(0);
    expect(block(text, "events", "contributor insights")).toMatch(
      /ATTENTION [\s\S]*list 'events' in dynamodb-data:existingContributorInsights so that it is adopted by import/,
    );
  });

  test("a rule listed for import that does not run stops the adoption: the import would fail", async () => {
    const world = conformingWorld();
    world.insights = {};
    const { code, text } = await report(world);
    expect(code).toBe(1);
    expect(block(text, "events", "contributor insights")).toMatch(/STOP [\s\S]*import fails: no rule runs on the table/);
  });

  test("live tags the program does not declare are listed as removed, AWS's own tags aside; not refused", async () => {
    const world = conformingWorld();
    world.tags.users = { ...PROD_TAGS, "backup-plan": "daily", Team: "growth", "aws:cloudformation:stack-name": "legacy" };
    const { code, text } = await report(world);
    expect(code).toBe(0);
    const finding = block(text, "users", "tags");
    expect(finding).toMatch(/^ {2}ATTENTION /);
    expect(finding).toMatch(/adoption: removes backup-plan=daily; changes Team: growth -> analytics-platform/);
    expect(finding).not.toContain("aws:cloudformation");
  });

  test("item count and size are shown", async () => {
    expect(block((await report(conformingWorld())).text, "users", "size")).toMatch(/live: +1200 items, 480000 bytes/);
  });
});

describe("--json", () => {
  test("prints the report as JSON with the failure count", async () => {
    const world = conformingWorld();
    world.pitr.events = true;
    const { code, text } = await report(world, { json: true });
    expect(code).toBe(1);
    const parsed = JSON.parse(text) as { failures: number; tables: { key: string; findings: { topic: string; verdict: string; property?: string }[] }[] };
    expect(parsed.failures).toBe(1);
    const events = parsed.tables.find((table) => table.key === "events");
    expect(events?.findings.find((finding) => finding.topic === "point-in-time recovery")).toMatchObject({ verdict: "data-loss", property: "pointInTimeRecovery" });
  });
});
