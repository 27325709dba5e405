import { EXISTING_CONTRIBUTOR_INSIGHTS_KEY } from "@dynamodb-platform/platform";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { KMSClient } from "@aws-sdk/client-kms";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { LiveAccountError, awsClientConfig, type RetryMode } from "../live-account";
import { WORKSPACE_ROOT, dataStackConfigSource, readStackContext } from "@dynamodb-platform/platform";
import { optionalStringList } from "@dynamodb-platform/platform";
import { readMandatoryTags } from "@dynamodb-platform/tags";
import { isAdopted, readDataLossAccepted } from "@dynamodb-platform/platform";
import { assessTable } from "./assess-table";
import { isFailing, type Finding } from "./finding";
import { readAdoptionState, type LiveClients } from "./read-live-table";


export interface TableReport {
  readonly key: string;
  readonly physicalName: string;
  readonly findings: readonly Finding[];
}

export interface AdoptionReport {
  readonly stack: string;
  readonly region: string;
  readonly tables: readonly TableReport[];
  /** Findings that would fail the deploy or lose data without an acknowledgement. */
  readonly failures: number;
}

export interface ReportOptions {
  readonly root?: string;
  readonly now?: Date;
  readonly clients?: (region: string) => LiveClients;
}

/** SDK v3 clients with the default credential chain and the tools' retries (awsClientConfig). */
export function defaultClients(region: string, retryMode?: RetryMode): LiveClients {
  const config = awsClientConfig(region, retryMode);
  return {
    dynamodb: new DynamoDBClient(config),
    lambda: new LambdaClient(config),
    kms: new KMSClient(config),
  };
}

/**
 * Reads the stack's configuration first (a bad value stops here, before any AWS call), then each
 * live table, and compares it with its spec and the program's tags.
 */
export async function buildAdoptionReport(stack: string, options: ReportOptions = {}): Promise<AdoptionReport> {
  const root = options.root ?? WORKSPACE_ROOT;
  const context = readStackContext(stack, root);
  if (!context.adoptExistingTables) {
    throw new LiveAccountError(
      `stack '${stack}' creates its tables (dynamodb-data:adoptExistingTables is false): there is nothing to adopt. Run the report for a stack that adopts, e.g. --stack prod`,
    );
  }
  const source = dataStackConfigSource(stack, root);
  const programTags = readMandatoryTags(source);
  const dataLossAccepted = readDataLossAccepted(
    source,
    context.tables.map((table) => table.spec.key),
  );
  const importedInsights = optionalStringList(source, EXISTING_CONTRIBUTOR_INSIGHTS_KEY);
  const clients = (options.clients ?? defaultClients)(context.region);
  const now = options.now ?? new Date();
  const tables: TableReport[] = [];
  // Only the tables that exist in production are imported; the others are created (isAdopted).
  for (const { spec, physicalName } of context.tables.filter((table) => isAdopted(table.spec, context))) {
    const live = await readAdoptionState(clients, physicalName);
    const contributorInsightsImported = importedInsights.includes(spec.key);
    tables.push({ key: spec.key, physicalName, findings: assessTable({ spec, live, programTags, now, contributorInsightsImported }, dataLossAccepted) });
  }
  const failures = tables.flatMap((table) => table.findings).filter(isFailing).length;
  return { stack, region: context.region, tables, failures };
}
