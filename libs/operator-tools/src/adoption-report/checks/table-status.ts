import type { Finding } from "../finding";
import type { CheckInput } from "./check-input";

/** Adoption updates the table in place; DynamoDB accepts UpdateTable only on an ACTIVE table. */
export function checkTableStatus({ live }: CheckInput): Finding[] {
  const status = live.table.TableStatus ?? "unknown";
  if (status === "ACTIVE") return [];
  return [
    {
      topic: "table status",
      live: status,
      spec: "ACTIVE",
      adoption:
        status === "INACCESSIBLE_ENCRYPTION_CREDENTIALS"
          ? "the update fails: DynamoDB cannot use the table's KMS key. Restore access to the key first"
          : "the update waits for the table or fails: run the report again once the table is ACTIVE",
      verdict: "stop",
    },
  ];
}
