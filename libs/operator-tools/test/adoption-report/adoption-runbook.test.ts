import { isDeepStrictEqual } from "node:util";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { KMSClient } from "@aws-sdk/client-kms";
import { LambdaClient, ListEventSourceMappingsCommand } from "@aws-sdk/client-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { buildAdoptionReport, renderText } from "../../src/adoption-report";
import { checkPreview, passes, type GuardContext, type PreviewDocument, type PreviewStep } from "@dynamodb-platform/replacement-guard";
import type { DataLossAccepted } from "@dynamodb-platform/platform";
import { serveRecordedTables, type RecordedTable } from "@dynamodb-platform/testing";
import { ACCOUNT, BEFORE, BEFORE_ACCEPTED, BEFORE_STREAM as STREAM, STREAM_CONSUMER, acceptLines } from "./before-adoption";
import { ADOPTION_STEPS, type AdoptionStep } from "@dynamodb-platform/data/src/adoption/adoption-steps";
import { TABLE, resourcesOfType, runDataStack } from "@dynamodb-platform/data/test/run-data-stack";

/**
 * The adoption runbook on a recorded "before" account: the adoption report is run once, then each
 * step's `pulumi preview --json` (built from the real program's inputs, in the shape the CLI
 * prints) goes through the guard. The report's accept lines, and only they, let every step through.
 */

/**
 * The table as the provider reads it after `import` (aws.dynamodb.Table outputs): what the engine
 * prints as the update step's `oldState`. TTL is left out: it is off on every table and the program
 * declares none (the provider's ttl block is computed), so it never differs.
 */
function importedState({ description: t, pitrDays, tags }: RecordedTable): Record<string, unknown> {
  return {
    name: t.TableName,
    hashKey: t.KeySchema?.[0].AttributeName,
    billingMode: t.BillingModeSummary?.BillingMode ?? "PROVISIONED",
    readCapacity: t.ProvisionedThroughput?.ReadCapacityUnits,
    writeCapacity: t.ProvisionedThroughput?.WriteCapacityUnits,
    attributes: (t.AttributeDefinitions ?? []).map((a) => ({ name: a.AttributeName, type: a.AttributeType })),
    globalSecondaryIndexes: (t.GlobalSecondaryIndexes ?? []).map((index) => ({
      name: index.IndexName,
      keySchemas: (index.KeySchema ?? []).map((key) => ({ attributeName: key.AttributeName, keyType: key.KeyType })),
      projectionType: index.Projection?.ProjectionType,
      readCapacity: index.ProvisionedThroughput?.ReadCapacityUnits,
      writeCapacity: index.ProvisionedThroughput?.WriteCapacityUnits,
    })),
    // No SSEDescription: the provider reads no encryption block (flattenTableServerSideEncryption).
    serverSideEncryption: t.SSEDescription ? { enabled: true, kmsKeyArn: t.SSEDescription.KMSMasterKeyArn } : undefined,
    deletionProtectionEnabled: t.DeletionProtectionEnabled ?? false,
    streamEnabled: t.StreamSpecification?.StreamEnabled ?? false,
    streamViewType: t.StreamSpecification?.StreamViewType,
    pointInTimeRecovery: pitrDays === undefined ? { enabled: false } : { enabled: true, recoveryPeriodInDays: pitrDays },
    tags: tags ?? {},
  };
}

const COMPARED = [
  "billingMode",
  "readCapacity",
  "writeCapacity",
  "attributes",
  "globalSecondaryIndexes",
  "serverSideEncryption",
  "deletionProtectionEnabled",
  "streamEnabled",
  "streamViewType",
  "pointInTimeRecovery",
  "tags",
] as const;

type Values = Record<string, unknown>;
const kind = (before: unknown, after: unknown) => (before === undefined ? "add" : after === undefined ? "delete" : "update");

/** The engine's detailedDiff: one entry per changed leaf path (`pointInTimeRecovery.recoveryPeriodInDays`, `globalSecondaryIndexes[0].name`). */
function detailedDiff(before: unknown, after: unknown, path: string, out: Record<string, { kind: string; inputDiff: boolean }>): void {
  if (isDeepStrictEqual(before, after)) return;
  const bothObjects = typeof before === "object" && before !== null && typeof after === "object" && after !== null;
  if (bothObjects && Array.isArray(before) === Array.isArray(after)) {
    const keys = Array.isArray(before)
      ? [...Array(Math.max(before.length, (after as unknown[]).length)).keys()].map(String)
      : [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) {
      const child = Array.isArray(before) ? `${path}[${key}]` : `${path}.${key}`;
      detailedDiff((before as Values)[key], (after as Values)[key], child, out);
    }
    return;
  }
  out[path] = { kind: kind(before, after), inputDiff: true };
}

interface Planned {
  readonly urn: string;
  readonly inputs: Values;
  readonly held: readonly string[];
}

/** The prod program at `step`: each table's inputs and what the step holds as it is in AWS. */
async function plan(step: AdoptionStep): Promise<Record<string, Planned>> {
  const run = await runDataStack("prod", { adoptionStep: step });
  return Object.fromEntries(
    resourcesOfType(run, TABLE).map((table) => [
      String(table.inputs["name"]),
      {
        urn: `urn:pulumi:prod::dynamodb-data::dynamodb-platform:data:DynamoTables$aws:dynamodb/table:Table::${table.name}`,
        inputs: table.inputs,
        held: table.ignoreChanges ?? [],
      },
    ]),
  );
}

/**
 * Each step's preview as the CLI prints it: the first step imports (an `import` step without a
 * diff, then an `update` step whose oldState is the imported state: step_generator.go
 * continueStepsFromImport); later steps update what the previous step left. `ignoreChanges` keeps
 * the held properties at their old values. Returns the documents and the state each step leaves.
 */
async function previews(): Promise<Record<AdoptionStep, PreviewDocument>> {
  let state: Record<string, Values> = Object.fromEntries(Object.entries(BEFORE).map(([name, table]) => [name, importedState(table)]));
  const documents = {} as Record<AdoptionStep, PreviewDocument>;
  for (const [index, step] of ADOPTION_STEPS.entries()) {
    const planned = await plan(step);
    const steps: PreviewStep[] = [];
    const next: Record<string, Values> = {};
    for (const [name, { urn, inputs, held }] of Object.entries(planned).sort(([a], [b]) => a.localeCompare(b))) {
      const before = state[name];
      const after: Values = { ...inputs };
      for (const property of held) after[property] = before[property];
      const diff: Record<string, { kind: string; inputDiff: boolean }> = {};
      for (const property of COMPARED) detailedDiff(before[property], after[property], property, diff);
      const type = "aws:dynamodb/table:Table";
      if (index === 0) steps.push({ op: "import", urn, newState: { type, inputs: before, outputs: before }, detailedDiff: null });
      if (Object.keys(diff).length > 0) {
        steps.push({ op: "update", urn, oldState: { type, inputs: before, outputs: before }, newState: { type, inputs: after }, detailedDiff: diff });
      }
      next[name] = Object.fromEntries(COMPARED.map((property) => [property, after[property]]));
    }
    documents[step] = { steps };
    state = next;
  }
  return documents;
}

const context = (accepted: DataLossAccepted): GuardContext => ({
  stack: "prod",
  project: "dynamodb-data",
  stackFile: "stacks/data/Pulumi.prod.yaml",
  environmentSuffix: "prod",
  accepted,
});

let documents: Record<AdoptionStep, PreviewDocument>;
let accepted: DataLossAccepted;
let reportText: string;
beforeAll(async () => {
  const dynamodb = mockClient(DynamoDBClient);
  const kms = mockClient(KMSClient);
  const lambda = mockClient(LambdaClient);
  serveRecordedTables(dynamodb, kms, { table: (name) => BEFORE[name], keyManager: () => undefined });
  lambda.on(ListEventSourceMappingsCommand).callsFake(({ EventSourceArn }: { EventSourceArn: string }) => ({
    EventSourceMappings:
      EventSourceArn === STREAM
        ? [{ UUID: "a1b2c3d4-0000", EventSourceArn: STREAM, FunctionArn: `arn:aws:lambda:ap-southeast-2:${ACCOUNT}:function:${STREAM_CONSUMER}`, State: "Enabled" }]
        : [],
  }));
  const report = await buildAdoptionReport("prod", {
    now: new Date("2024-05-06T12:00:00.000Z"),
    clients: (region) => ({ dynamodb: new DynamoDBClient({ region }), kms: new KMSClient({ region }), lambda: new LambdaClient({ region }) }),
  });
  reportText = renderText(report);
  accepted = acceptLines(reportText);
  documents = await previews();
});

describe("the adoption runbook on a recorded account (provisioned, AWS owned key, KEYS_ONLY stream with a consumer, a legacy index, 7-day PITR)", () => {
  test("the report names the consumer and prints the lines that accept the stream's new view type and the legacy index", () => {
    expect(reportText).toContain(`function:${STREAM_CONSUMER}`);
    expect(accepted).toEqual(BEFORE_ACCEPTED);
  });

  test("with the report's lines, every step passes the guard", () => {
    for (const step of ADOPTION_STEPS) {
      const result = checkPreview(documents[step], context(accepted));
      expect({ step, refused: result.refused, conflicts: result.conflicts, passes: passes(result) }).toEqual({ step, refused: [], conflicts: [], passes: true });
    }
  });

  test("without them, the guard refuses exactly what the report's lines accept, at the step that changes it", () => {
    const refused = ADOPTION_STEPS.flatMap((step) => checkPreview(documents[step], context({})).refused.map((f) => [step, f.table, f.property]));
    expect(refused).toEqual([
      ["streams", "events", "streamViewType"],
      ["indexes", "sessions", "globalSecondaryIndexes"],
    ]);
  });

  test("each of the report's lines is needed: without it, its step is refused", () => {
    for (const [table, properties] of Object.entries(accepted)) {
      for (const property of properties) {
        const fewer = { ...accepted, [table]: properties.filter((p) => p !== property) };
        const refusals = ADOPTION_STEPS.flatMap((step) => checkPreview(documents[step], context(fewer)).refused.map((f) => [f.table, f.property]));
        expect(refusals).toEqual([[table, property]]);
      }
    }
  });

  test("the owned → AWS managed key change (billing step, on every table) passes without acknowledgement", () => {
    const billing = documents.billing.steps ?? [];
    const encryption = billing.filter((s) => Object.keys(s.detailedDiff ?? {}).some((path) => path.startsWith("serverSideEncryption")));
    expect(encryption.map((s) => s.urn.split("::").pop())).toEqual(["table-events-prod", "table-sessions-prod", "table-users-prod"]);
    expect(checkPreview(documents.billing, context({})).refused).toEqual([]);
  });

  test("the first step's previews are import steps without a diff, each followed by its update", () => {
    expect((documents.billing.steps ?? []).map((s) => [s.op, s.urn.split("::").pop(), s.detailedDiff === null])).toEqual([
      ["import", "table-events-prod", true],
      ["update", "table-events-prod", false],
      ["import", "table-sessions-prod", true],
      ["update", "table-sessions-prod", false],
      ["import", "table-users-prod", true],
      ["update", "table-users-prod", false],
    ]);
  });
});
