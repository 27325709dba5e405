import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resourceName } from "@dynamodb-platform/stack-config";
import { tableArgs } from "../tables/table-args";
import { physicalTableName, validateTableSpecs, type TableSpec } from "@dynamodb-platform/table-specs";

export interface DynamoTablesArgs {
  readonly specs: readonly TableSpec[];
  readonly environmentSuffix: string;
  /** Adopt existing tables named exactly by their key, instead of creating `{key}-{suffix}`. */
  readonly adoptExistingTables: boolean;
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

  constructor(name: string, args: DynamoTablesArgs, opts?: pulumi.ComponentResourceOptions) {
    // Before super(): a bad spec must fail before anything is registered.
    validateTableSpecs(args.specs);
    super("dynamodb-platform:data:DynamoTables", name, {}, opts);

    const tables: Record<string, aws.dynamodb.Table> = {};
    for (const spec of args.specs) {
      const physicalName = physicalTableName(spec, args);
      const table = new aws.dynamodb.Table(
        resourceName("table", spec.key, args.environmentSuffix),
        tableArgs(spec, physicalName),
        { parent: this, import: args.adoptExistingTables ? physicalName : undefined },
      );
      tables[spec.key] = table;
      if (spec.contributorInsights) {
        new aws.dynamodb.ContributorInsights(
          resourceName("contributor-insights", spec.key, args.environmentSuffix),
          { tableName: table.name, mode: spec.contributorInsights },
          { parent: table },
        );
      }
    }

    const entries = Object.entries(tables);
    this.tables = tables;
    this.tableNames = outputMap(entries.map(([key, table]) => [key, table.name]));
    this.tableArns = outputMap(entries.map(([key, table]) => [key, table.arn]));
    this.streamArns = outputMap(
      args.specs.filter((spec) => spec.stream).map((spec) => [spec.key, tables[spec.key].streamArn]),
    );
    this.registerOutputs({ tableNames: this.tableNames, tableArns: this.tableArns, streamArns: this.streamArns });
  }
}
