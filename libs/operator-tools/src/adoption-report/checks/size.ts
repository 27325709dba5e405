import type { Finding } from "../finding";
import type { CheckInput } from "./check-input";

/** Item count and size: what every GSI build on this table must backfill. */
export function checkSize({ live }: CheckInput): Finding[] {
  const items = live.table.ItemCount ?? 0;
  const bytes = live.table.TableSizeBytes ?? 0;
  return [
    {
      topic: "size",
      live: `${items} items, ${bytes} bytes (DynamoDB updates these about every six hours)`,
      spec: "-",
      adoption: "unchanged; a GSI built on this table backfills every item",
      verdict: "ok",
    },
  ];
}
