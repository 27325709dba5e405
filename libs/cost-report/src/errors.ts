/**
 * Bad input to the cost report (arguments, a price file, a price list without a needed price).
 * The CLI prints the message alone on one line and exits 2, like a LiveAccountError.
 */
export class CostReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CostReportError";
  }
}
