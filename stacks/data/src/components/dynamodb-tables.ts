import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resourceName } from "@dynamodb-platform/platform";
import { tableArgs } from "../tables/table-args";
import { isAdopted, physicalTableName, validateTableSpecs, type TableSpec } from "@dynamodb-platform/platform";
import type { AdoptionStep } from "../adoption/adoption-steps";
import { adoptedTableOptions } from "../adoption/table-options";
import { contributorInsightsImportId } from "../adoption/contributor-insights-id";

export interface DynamoTablesArgs {
  readonly specs: readonly TableSpec[];
  readonly environmentSuffix: string;
  /** Adopt the tables that exist in production (named exactly by their key); create the others as `{key}-{suffix}`. */
  readonly adoptExistingTables: boolean;
  /** The adoption `pulumi up` this is (docs/runbooks/adoption.md); default `complete`. */
  readonly adoptionStep?: AdoptionStep;
  /** Tables whose contributor insights rule already runs, with the account id its import id needs. */
  readonly existingContributorInsights?: { readonly tables: readonly string[]; readonly accountId: string };
}

type OutputMap = pulumi.Output<Record<string, string>>;

function outputMap(entries: [string, pulumi.Output<string>][]): OutputMap {
  return pulumi.all(Object.fromEntries(entries));
}

/** Builds one DynamoDB table (and its contributor insights, where specified) per spec. */
export class DynamoTables extends pulumi.ComponentResource {
  readonly tables: Readonly<Record<string, aws.dynamodb.Table>>;
  readonly tableNames: OutputMap;
  readonly tableArns: OutputMap;
  readonly streamArns: OutputMap;
  readonly contributorInsightsModes: OutputMap;

  constructor(name: string, args: DynamoTablesArgs, opts?: pulumi.ComponentResourceOptions) {
    // Before super(): a bad spec must fail before anything is registered.
    validateTableSpecs(args.specs);
    super("dynamodb-platform:data:DynamoTables", name, {}, opts);

    const step = args.adoptionStep ?? "complete";
    const tables: Record<string, aws.dynamodb.Table> = {};
    const contributorInsights: [string, pulumi.Output<string>][] = [];
    for (const spec of args.specs) {
      const physicalName = physicalTableName(spec, args);
      const table = new aws.dynamodb.Table(
        resourceName("table", spec.key, args.environmentSuffix),
        tableArgs(spec, physicalName),
        { parent: this, ...(isAdopted(spec, args) ? adoptedTableOptions(physicalName, step) : {}) },
      );
      tables[spec.key] = table;
      if (spec.contributorInsights) {
        const existing = args.existingContributorInsights;
        const rule = new aws.dynamodb.ContributorInsights(
          resourceName("contributor-insights", spec.key, args.environmentSuffix),
          { tableName: table.name, mode: spec.contributorInsights },
          {
            parent: table,
            import: existing?.tables.includes(spec.key) ? contributorInsightsImportId(physicalName, existing.accountId) : undefined,
          },
        );
        contributorInsights.push([spec.key, rule.mode]);
      }
    }

    const entries = Object.entries(tables);
    this.tables = tables;
    this.tableNames = outputMap(entries.map(([key, table]) => [key, table.name]));
    this.tableArns = outputMap(entries.map(([key, table]) => [key, table.arn]));
    this.streamArns = outputMap(
      args.specs.filter((spec) => spec.stream).map((spec) => [spec.key, tables[spec.key].streamArn]),
    );
    this.contributorInsightsModes = outputMap(contributorInsights);
    this.registerOutputs({
      tableNames: this.tableNames,
      tableArns: this.tableArns,
      streamArns: this.streamArns,
      contributorInsightsModes: this.contributorInsightsModes,
    });
  }
}
