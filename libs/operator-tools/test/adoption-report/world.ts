import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DynamoDBClient, type ContributorInsightsMode, type TableDescription } from "@aws-sdk/client-dynamodb";
import { KMSClient, type KeyManagerType } from "@aws-sdk/client-kms";
import { LambdaClient, ListEventSourceMappingsCommand, type EventSourceMappingConfiguration } from "@aws-sdk/client-lambda";
import { WORKSPACE_ROOT, stackDir } from "@dynamodb-platform/platform";
import { environmentFileOf } from "@dynamodb-platform/platform";
import { serveRecordedTables } from "@dynamodb-platform/testing";
import { mockClient } from "aws-sdk-client-mock";
import { parse, stringify } from "yaml";
import { main } from "../../src/adoption-report";
import { AWS_MANAGED_KEY_ARN, PROD_TAGS, conformingTables } from "./recorded-responses";

/** What the live account holds, per physical table name; anything not given is spec-conforming. */
export interface World {
  tables: Record<string, TableDescription>;
  /** PITR window in days (true: 35); absent or false: off. */
  pitr: Record<string, boolean | number>;
  ttl: Record<string, string>;
  insights: Record<string, ContributorInsightsMode>;
  tags: Record<string, Record<string, string>>;
  /** Lambda mappings by stream ARN. */
  readers: Record<string, EventSourceMappingConfiguration[]>;
  /** KMS keys of the account by ARN, and who manages each. */
  keys: Record<string, KeyManagerType>;
}

export function conformingWorld(): World {
  return {
    tables: conformingTables(),
    pitr: { users: 35 },
    ttl: {},
    insights: { events: "ACCESSED_AND_THROTTLED_KEYS" },
    tags: { events: PROD_TAGS, sessions: PROD_TAGS, users: PROD_TAGS },
    readers: {},
    keys: { [AWS_MANAGED_KEY_ARN]: "AWS" },
  };
}

export const dynamodb = mockClient(DynamoDBClient);
export const lambda = mockClient(LambdaClient);
export const kms = mockClient(KMSClient);

/** Answers every read-only call from `world`, as DynamoDB, Lambda and KMS would. */
export function serve(world: World): void {
  dynamodb.reset();
  lambda.reset();
  kms.reset();
  serveRecordedTables(dynamodb, kms, {
    table: (name) => {
      const pitr = world.pitr[name];
      return (
        world.tables[name] && {
          description: world.tables[name],
          pitrDays: pitr === true ? 35 : pitr === false ? undefined : pitr,
          ttlAttribute: world.ttl[name],
          insightsMode: world.insights[name],
          tags: world.tags[name],
        }
      );
    },
    keyManager: (keyArn) => world.keys[keyArn],
  });
  lambda.on(ListEventSourceMappingsCommand).callsFake(({ EventSourceArn }: { EventSourceArn: string }) => ({
    EventSourceMappings: world.readers[EventSourceArn] ?? [],
  }));
}

/** The workspace roots made so far; a test file that makes any removes them with afterAll(removeWorkspaces). */
const workspaces: string[] = [];
export function removeWorkspaces(): void {
  for (const root of workspaces.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

/**
 * A workspace root whose data stack files are the real ones, with `config` set over the stack
 * file's own values (e.g. a dataLossAccepted map); a string is written as it is, to test bad YAML values.
 */
export function workspaceWith(stack: string, config: Record<string, unknown>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "adoption-report-"));
  workspaces.push(root);
  const dataDir = stackDir("data", root);
  fs.mkdirSync(dataDir, { recursive: true });
  const real = stackDir("data", WORKSPACE_ROOT);
  fs.copyFileSync(path.join(real, "Pulumi.yaml"), path.join(dataDir, "Pulumi.yaml"));
  const stackFile = parse(fs.readFileSync(path.join(real, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
  fs.writeFileSync(path.join(dataDir, `Pulumi.${stack}.yaml`), stringify({ config: { ...stackFile.config, ...config } }));
  // The values every stack of the environment shares (region, tags) live beside the stack folders.
  const environmentFile = environmentFileOf(real, stack);
  fs.mkdirSync(path.dirname(environmentFileOf(dataDir, stack)), { recursive: true });
  fs.copyFileSync(environmentFile, environmentFileOf(dataDir, stack));
  return root;
}

/** The production stack file as the adoption runbook has it: the running events rule is imported. */
export const IMPORTS_EVENTS_INSIGHTS = { "dynamodb-data:existingContributorInsights": ["events"] };

export const NOW = new Date("2024-05-06T12:00:00.000Z");

export interface Run {
  code: number;
  text: string;
}

/** Runs the report as `npm run adoption-report -- --stack prod` would, against `world`. */
export async function report(
  world: World,
  options: { root?: string; json?: boolean; /** Changes the served responses, e.g. to fail one call. */ alter?: () => void } = {},
): Promise<Run> {
  serve(world);
  options.alter?.();
  let text = "";
  const code = await main(["--stack", "prod", ...(options.json ? ["--json"] : [])], {
    root: options.root ?? workspaceWith("prod", IMPORTS_EVENTS_INSIGHTS),
    now: NOW,
    print: (printed) => {
      text = printed;
    },
  });
  return { code, text };
}

/** The printed block of one finding: from its verdict line to the next verdict line. */
export function block(text: string, table: string, topic: string): string {
  const section = text.split(/\n\n/).find((part) => part.startsWith(`${table} (`)) ?? "";
  const lines = section.split("\n");
  const start = lines.findIndex((line) => / {2}[A-Z-]+ +/.test(line) && line.trimEnd().endsWith(` ${topic}`));
  if (start < 0) return "";
  const end = lines.findIndex((line, index) => index > start && /^ {2}[A-Z]/.test(line));
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
}
