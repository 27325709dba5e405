import { GetProductsCommand, PricingClient, type Filter } from "@aws-sdk/client-pricing";
import { awsCall, awsClientConfig } from "../../live-account";
import type { PriceListSnapshot } from "./price-list-file";
import { PRICE_FILE_FORMAT } from "./price-list-file";
import type { PricedService } from "./products";

/**
 * The Price List API answers only in a few regions, whatever region the prices are for: us-east-1
 * and ap-south-1 (Price List API reference, service endpoints, also in @aws-sdk/client-pricing's
 * service description), plus eu-central-1 (AWS Billing User Guide, "Using the AWS Price List Bulk
 * API", Endpoints). us-east-1 is in every list. The stack's region is a filter, not the endpoint.
 */
export const PRICE_LIST_ENDPOINT_REGION = "us-east-1";

interface ProductQuery {
  readonly service: PricedService;
  readonly filters: readonly Filter[];
}

/**
 * Every product of DynamoDB and CloudWatch in the region (a few hundred, so the choice of the
 * prices stays in code that tests can read), plus CloudWatch's dashboards, which are priced
 * without a region (usage type `DashboardsUsageHour`, CloudWatch User Guide "CloudWatch billing
 * and cost"; infracost prices `aws_cloudwatch_dashboard` by that usage type alone).
 */
function productQueries(region: string): readonly ProductQuery[] {
  const inRegion: Filter = { Type: "TERM_MATCH", Field: "regionCode", Value: region };
  return [
    { service: "AmazonDynamoDB", filters: [inRegion] },
    { service: "AmazonCloudWatch", filters: [inRegion] },
    { service: "AmazonCloudWatch", filters: [{ Type: "TERM_MATCH", Field: "usagetype", Value: "DashboardsUsageHour" }] },
  ];
}

/**
 * The SDK types `PriceList` as JSON strings that it may hand back as String-like objects
 * (smithy's AutomaticJsonStringConversion); the report keeps plain strings.
 */
function asStrings(priceList: unknown): string[] {
  return Array.isArray(priceList) ? priceList.map((entry) => String(entry)) : [];
}

async function fetchAll(client: PricingClient, query: ProductQuery): Promise<string[]> {
  const items: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await awsCall(`GetProducts ${query.service}`, () =>
      client.send(
        new GetProductsCommand({
          ServiceCode: query.service,
          Filters: [...query.filters],
          FormatVersion: "aws_v1",
          MaxResults: 100,
          NextToken: nextToken,
        }),
      ),
    );
    items.push(...asStrings(page.PriceList));
    nextToken = page.NextToken;
  } while (nextToken);
  return items;
}

/** Fetches the region's DynamoDB and CloudWatch prices from the Price List API (GetProducts, paginated). */
export async function fetchPriceList(region: string, now: Date): Promise<PriceListSnapshot> {
  const client = new PricingClient(awsClientConfig(PRICE_LIST_ENDPOINT_REGION));
  const items: Record<PricedService, string[]> = { AmazonDynamoDB: [], AmazonCloudWatch: [] };
  for (const query of productQueries(region)) {
    items[query.service].push(...(await fetchAll(client, query)));
  }
  return { format: PRICE_FILE_FORMAT, region, fetchedAt: now.toISOString(), items };
}
