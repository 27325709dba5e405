/** The AWS Pricing Calculator's month: 365 days x 24 hours / 12 (aws.amazon.com/calculator/calculator-assumptions). */
export const HOURS_PER_MONTH = 730;

/** DynamoDB bills storage per GB-month of 2^30 bytes. */
export const BYTES_PER_GB = 1024 ** 3;

/** Scales a total over a window of `windowHours` to one month. */
export function perMonth(totalOverWindow: number, windowHours: number): number {
  return (totalOverWindow / windowHours) * HOURS_PER_MONTH;
}
