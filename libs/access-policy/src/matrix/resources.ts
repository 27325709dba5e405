/**
 * The resources a role is asked about. `own*` belong to the role's table; the others are what it
 * must never reach: the other tables of the platform, a table whose name starts with this one's,
 * the same name in another region or account.
 */
export const OWN_RESOURCE_KINDS = [
  "ownTable",
  "ownIndex",
  "ownStream",
  // The stream a disable-then-enable creates: same table, new label.
  "ownRecreatedStream",
  "ownBackup",
  "ownExport",
  "ownImport",
  "ownGlobalTable",
] as const;

export const FOREIGN_RESOURCE_KINDS = [
  "otherTables",
  "otherIndexes",
  "otherStreams",
  "sameNameOtherRegion",
  "sameNameOtherAccount",
  "sameNamePrefix",
] as const;

export type ResourceKind = (typeof OWN_RESOURCE_KINDS)[number] | (typeof FOREIGN_RESOURCE_KINDS)[number] | "anyResource";

/** Where a role lives and which table it is for. */
export interface RoleContext {
  readonly region: string;
  readonly accountId: string;
  /** The physical name of the role's table. */
  readonly table: string;
  /** The physical names of the platform's other tables. */
  readonly otherTables: readonly string[];
}

const OTHER_ACCOUNT = "999999999999";
const OTHER_REGION = "us-east-1";
const STREAM_LABEL = "2026-01-01T00:00:00.000";
const RECREATED_STREAM_LABEL = "2026-06-30T12:00:00.000";
const INDEX = "userId-timestamp-index";

/** The ARNs that stand for a kind of resource (ARN formats: iam-data's dynamodb resource types). */
export function resourcesOf(kind: ResourceKind, role: RoleContext): string[] {
  const table = (name: string, region = role.region, account = role.accountId) => `arn:aws:dynamodb:${region}:${account}:table/${name}`;
  const own = table(role.table);
  const stream = (name: string, label = STREAM_LABEL) => `${table(name)}/stream/${label}`;
  switch (kind) {
    case "ownTable":
      return [own];
    case "ownIndex":
      return [`${own}/index/${INDEX}`];
    case "ownStream":
      return [stream(role.table)];
    case "ownRecreatedStream":
      return [stream(role.table, RECREATED_STREAM_LABEL)];
    case "ownBackup":
      return [`${own}/backup/01700000000000-abcdef12`];
    case "ownExport":
      return [`${own}/export/01700000000000-abcdef12`];
    case "ownImport":
      return [`${own}/import/01700000000000-abcdef12`];
    case "ownGlobalTable":
      return [`arn:aws:dynamodb::${role.accountId}:global-table/${role.table}`];
    case "otherTables":
      return role.otherTables.map((name) => table(name));
    case "otherIndexes":
      return role.otherTables.map((name) => `${table(name)}/index/${INDEX}`);
    case "otherStreams":
      return [...role.otherTables.map((name) => stream(name)), stream(`${role.table}-archive`)];
    case "sameNameOtherRegion":
      return [table(role.table, OTHER_REGION)];
    case "sameNameOtherAccount":
      return [table(role.table, role.region, OTHER_ACCOUNT)];
    case "sameNamePrefix":
      return [table(`${role.table}-archive`), table(`${role.table}archive`)];
    case "anyResource":
      return ["*"];
  }
}
