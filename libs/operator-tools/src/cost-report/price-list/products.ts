import { CostReportError } from "../errors";

/** The two services whose prices the report needs. */
export const PRICED_SERVICES = ["AmazonDynamoDB", "AmazonCloudWatch"] as const;
export type PricedService = (typeof PRICED_SERVICES)[number];

/** One on-demand price dimension (a tier) of a product. */
export interface PriceDimension {
  readonly unit: string;
  readonly beginRange: number;
  readonly endRange: number;
  readonly usd: number;
  readonly description: string;
}

/** One product of the price list, with its on-demand price dimensions. */
export interface PricedProduct {
  readonly serviceCode: string;
  readonly sku: string;
  readonly productFamily: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly version: string;
  readonly publicationDate: string;
  readonly dimensions: readonly PriceDimension[];
}

interface RawDimension {
  unit?: string;
  beginRange?: string;
  endRange?: string;
  description?: string;
  pricePerUnit?: { USD?: string };
}

interface RawItem {
  product?: { productFamily?: string; attributes?: Record<string, string>; sku?: string };
  serviceCode?: string;
  terms?: { OnDemand?: Record<string, { priceDimensions?: Record<string, RawDimension> }> };
  version?: string;
  publicationDate?: string;
}

function range(value: string | undefined): number {
  return value === undefined || value === "Inf" ? Number.POSITIVE_INFINITY : Number(value);
}

/**
 * Parses one entry of GetProducts' `PriceList`: a JSON string with `product`, `serviceCode`,
 * `terms.OnDemand.<offer>.priceDimensions.<rate>.pricePerUnit.USD`, `version` and `publicationDate`
 * (shape: AWS CLI example `aws pricing get-products`, aws/aws-cli awscli/examples/pricing/get-products.rst).
 */
export function parsePriceListItem(json: string): PricedProduct {
  let item: RawItem;
  try {
    item = JSON.parse(json) as RawItem;
  } catch {
    throw new CostReportError(`a price list entry is not JSON: ${json.slice(0, 80)}`);
  }
  const sku = item.product?.sku;
  if (!sku || !item.serviceCode) {
    throw new CostReportError(`a price list entry has no product sku or serviceCode: ${json.slice(0, 80)}`);
  }
  const dimensions = Object.values(item.terms?.OnDemand ?? {}).flatMap((offer) =>
    Object.values(offer.priceDimensions ?? {}).map((raw) => ({
      unit: raw.unit ?? "",
      beginRange: range(raw.beginRange ?? "0"),
      endRange: range(raw.endRange),
      usd: Number(raw.pricePerUnit?.USD ?? Number.NaN),
      description: raw.description ?? "",
    })),
  );
  return {
    serviceCode: item.serviceCode,
    sku,
    productFamily: item.product?.productFamily ?? "",
    attributes: item.product?.attributes ?? {},
    version: item.version ?? "unknown",
    publicationDate: item.publicationDate ?? "unknown",
    dimensions: dimensions.filter((dimension) => Number.isFinite(dimension.usd)),
  };
}
