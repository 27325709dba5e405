import { DATA_LOSS_ACCEPTED_KEY, DATA_LOSS_PROPERTIES, type DataLossAccepted } from "@dynamodb-platform/platform";
import type { Finding } from "./finding";
import { checkBilling } from "./checks/billing";
import type { CheckInput } from "./checks/check-input";
import { checkContributorInsights } from "./checks/contributor-insights";
import { checkEncryption } from "./checks/encryption";
import { checkIndexes } from "./checks/indexes";
import { checkKeySchema } from "./checks/key-schema";
import { checkPointInTimeRecovery } from "./checks/point-in-time-recovery";
import { checkSize } from "./checks/size";
import { checkStream } from "./checks/stream";
import { checkTableStatus } from "./checks/table-status";
import { checkTags } from "./checks/tags";
import { checkTimeToLive } from "./checks/time-to-live";

const CHECKS = [
  checkTableStatus,
  checkKeySchema,
  checkBilling,
  checkEncryption,
  checkIndexes,
  checkStream,
  checkPointInTimeRecovery,
  checkTimeToLive,
  checkContributorInsights,
  checkTags,
  checkSize,
];

/**
 * Every finding for one table; a loss that the stack's config accepts for this table becomes
 * `acknowledged`, and an acknowledgement that covers no live loss is pointed out, so that it
 * cannot silently accept a later one.
 */
export function assessTable(input: CheckInput, dataLossAccepted: DataLossAccepted): Finding[] {
  const accepted = new Set(dataLossAccepted[input.spec.key] ?? []);
  const findings = CHECKS.flatMap((check) => check(input)).map((finding): Finding =>
    finding.verdict === "data-loss" && finding.property && accepted.has(finding.property) ? { ...finding, verdict: "acknowledged" } : finding,
  );
  const used = new Set(findings.map((finding) => finding.property));
  const unused = [...accepted].filter((property) => !used.has(property));
  return [
    ...findings,
    ...unused.map(
      (property): Finding => ({
        topic: `${DATA_LOSS_ACCEPTED_KEY}: ${property}`,
        live: "nothing of this kind would be lost",
        spec: `accepted: ${DATA_LOSS_PROPERTIES[property]}`,
        adoption: "no effect now; remove it once the adoption is done, so it cannot accept a later loss unseen",
        verdict: "attention",
      }),
    ),
  ];
}
