import { parseArgs } from "node:util";
import { CostReportError } from "./errors";

export interface CostReportOptions {
  readonly stack: string;
  readonly days: number;
  /** Read prices from this file (saved earlier with --save-prices) instead of the Price List API. */
  readonly pricesFile?: string;
  /** Save the prices fetched from the Price List API to this file. */
  readonly savePricesFile?: string;
  readonly json: boolean;
}

const DEFAULT_DAYS = 14;
/**
 * At least a day; at most 90 so the window stays one regime of traffic. CloudWatch keeps hourly
 * datapoints for 455 days, so any day in this range has data (CloudWatch User Guide, "Metrics
 * concepts", metric retention).
 */
const MIN_DAYS = 1;
const MAX_DAYS = 90;

export const USAGE =
  "npm run cost-report -- --stack <stack> [--days 14] [--prices <file>] [--save-prices <file>] [--json]";

function parseDays(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_DAYS;
  const days = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS) {
    throw new CostReportError(`--days '${raw}' is not allowed. Use a whole number of days from ${MIN_DAYS} to ${MAX_DAYS} (default ${DEFAULT_DAYS})`);
  }
  return days;
}

/** Reads and validates the command line once, before any AWS call. */
export function parseOptions(argv: readonly string[]): CostReportOptions {
  let values: { stack?: string; days?: string; prices?: string; "save-prices"?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        stack: { type: "string" },
        days: { type: "string" },
        prices: { type: "string" },
        "save-prices": { type: "string" },
        json: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CostReportError(`${(error as Error).message}. Usage: ${USAGE}`);
  }
  if (!values.stack) {
    throw new CostReportError(`--stack is required (e.g. --stack prod). Usage: ${USAGE}`);
  }
  if (values.prices !== undefined && values["save-prices"] !== undefined) {
    throw new CostReportError("--prices and --save-prices cannot be used together: --prices reads a saved price list, --save-prices saves a fresh one");
  }
  return {
    stack: values.stack,
    days: parseDays(values.days),
    json: values.json ?? false,
    ...(values.prices !== undefined ? { pricesFile: values.prices } : {}),
    ...(values["save-prices"] !== undefined ? { savePricesFile: values["save-prices"] } : {}),
  };
}
