/**
 * The import id of an existing table-level contributor insights rule, as the AWS provider builds
 * and parses it: `name:<table>/index:<index>/<account id>` with an empty index for the table
 * itself (contributorInsightsCreateResourceID, internal/service/dynamodb/contributor_insights.go
 * in hashicorp/terraform-provider-aws; the Import section of @pulumi/aws's
 * dynamodb/contributorInsights.d.ts documents the same format, `name:table_name/index:index_name`
 * followed by the account number). Importing keeps the rule that is already running; creating
 * it again would call UpdateContributorInsights ENABLE on a rule that is already enabled.
 */
export function contributorInsightsImportId(tableName: string, accountId: string): string {
  return `name:${tableName}/index:/${accountId}`;
}
