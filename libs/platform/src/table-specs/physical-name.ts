import type { TableSpec } from "./table-spec";

export interface PhysicalNameOptions {
  readonly environmentSuffix: string;
  /** The stack adopts the tables that exist in production; every other stack creates its own. */
  readonly adoptExistingTables: boolean;
}

/** Whether this stack imports the table: an adopting stack, and a table that exists in production. */
export function isAdopted(spec: Pick<TableSpec, "existsInProduction">, options: Pick<PhysicalNameOptions, "adoptExistingTables">): boolean {
  return options.adoptExistingTables && spec.existsInProduction === true;
}

/** The table's name in AWS: the spec's key when adopted, `{key}-{environmentSuffix}` otherwise. */
export function physicalTableName(spec: Pick<TableSpec, "key" | "existsInProduction">, options: PhysicalNameOptions): string {
  return isAdopted(spec, options) ? spec.key : `${spec.key}-${options.environmentSuffix}`;
}
