import { LiveAccountError } from "../live-account";

/**
 * Bad input to the cost report (arguments, a price file, a price list without a needed price).
 * A LiveAccountError, so runCli prints the message alone on one line and exits 2, as for every
 * other known failure of the live-account tools.
 */
export class CostReportError extends LiveAccountError {
  constructor(message: string) {
    super(message);
    this.name = "CostReportError";
  }
}
