import type { OpType } from "@pulumi/pulumi/automation";

/**
 * Every step kind of the engine (OpType, exported by @pulumi/pulumi/automation), and whether it
 * tears down the table it applies to. A Record over OpType: a kind added to the engine fails to
 * compile here until someone decides.
 */
export const DESTROYS_TABLE: Readonly<Record<OpType, boolean>> = {
  same: false,
  create: false,
  update: false,
  read: false,
  refresh: false,
  import: false,
  delete: true,
  replace: true,
  "create-replacement": true,
  "delete-replaced": true,
  "read-replacement": true,
  "import-replacement": true,
  // Forgets the table: the table is no longer managed (and, as part of a replacement, replaced).
  discard: true,
  "discard-replaced": true,
  "remove-pending-replace": true,
};

export function destroysTable(op: string): boolean {
  return (DESTROYS_TABLE as Readonly<Record<string, boolean>>)[op] ?? true;
}
