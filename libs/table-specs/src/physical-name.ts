import type { TableSpec } from "./table-spec";

export interface PhysicalNameOptions {
  readonly environmentSuffix: string;
  /** Adopted production tables keep their names; every other stack gets `{key}-{suffix}`. */
  readonly adoptExistingTables: boolean;
}

/** The table's name in AWS: the spec's key when adopting, `{key}-{environmentSuffix}` otherwise. */
export function physicalTableName(spec: Pick<TableSpec, "key">, options: PhysicalNameOptions): string {
  return options.adoptExistingTables ? spec.key : `${spec.key}-${options.environmentSuffix}`;
}
