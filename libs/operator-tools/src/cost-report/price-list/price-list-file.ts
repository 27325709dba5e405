import * as fs from "node:fs";
import { CostReportError } from "../errors";
import { PRICED_SERVICES, type PricedService } from "./products";

/**
 * The price list as fetched: the raw `PriceList` strings of every GetProducts page, per service,
 * with the region and when they were fetched. Saved as is, so an offline run (`--prices`) parses
 * exactly what the online run parsed.
 */
export interface PriceListSnapshot {
  readonly format: typeof PRICE_FILE_FORMAT;
  readonly region: string;
  readonly fetchedAt: string;
  readonly items: Readonly<Record<PricedService, readonly string[]>>;
}

export const PRICE_FILE_FORMAT = "dynamodb-platform/cost-report-prices@1";

export function savePriceList(file: string, snapshot: PriceListSnapshot): void {
  fs.writeFileSync(file, `${JSON.stringify(snapshot, null, 2)}\n`);
}

/** Reads a file written by --save-prices; any other file is refused with the reason. */
export function loadPriceList(file: string, region: string): PriceListSnapshot {
  let parsed: Partial<PriceListSnapshot>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<PriceListSnapshot>;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "it does not exist" : "it is not JSON";
    throw new CostReportError(`--prices ${file}: ${reason}. Save one first with --save-prices ${file}`);
  }
  if (parsed.format !== PRICE_FILE_FORMAT || typeof parsed.fetchedAt !== "string" || !parsed.items) {
    throw new CostReportError(`--prices ${file}: not a price file saved by --save-prices (format '${PRICE_FILE_FORMAT}')`);
  }
  if (parsed.region !== region) {
    throw new CostReportError(`--prices ${file}: it holds prices for ${parsed.region}, the stack is in ${region}. Save the stack region's prices with --save-prices`);
  }
  for (const service of PRICED_SERVICES) {
    if (!Array.isArray(parsed.items[service])) {
      throw new CostReportError(`--prices ${file}: it has no ${service} prices. Save it again with --save-prices`);
    }
  }
  return parsed as PriceListSnapshot;
}
