/**
 * What each role may do, as data. A role's profile, an action group and a kind of resource make a
 * cell; a cell is Allowed only where ALLOWED lists it, and Denied everywhere else.
 */
export const ACTION_GROUPS = {
  readItems: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:PartiQLSelect"],
  tableChecks: ["dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"],
  writeItems: [
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:PartiQLInsert",
    "dynamodb:PartiQLUpdate",
    "dynamodb:PartiQLDelete",
  ],
  readStream: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
  listStreams: ["dynamodb:ListStreams"],
  admin: [
    "dynamodb:CreateTable",
    "dynamodb:DeleteTable",
    "dynamodb:UpdateTable",
    "dynamodb:CreateBackup",
    "dynamodb:DeleteBackup",
    "dynamodb:RestoreTableFromBackup",
    "dynamodb:RestoreTableToPointInTime",
    "dynamodb:UpdateContinuousBackups",
    "dynamodb:ExportTableToPointInTime",
    "dynamodb:TagResource",
    "dynamodb:UntagResource",
    "dynamodb:UpdateTimeToLive",
    "dynamodb:UpdateContributorInsights",
    "dynamodb:PutResourcePolicy",
    "dynamodb:DeleteResourcePolicy",
    "dynamodb:CreateGlobalTable",
  ],
} as const;
export type ActionGroup = keyof typeof ACTION_GROUPS;

export type ResourceKind =
  | "ownTable"
  | "ownIndex"
  | "ownStream"
  | "ownRecreatedStream"
  | "otherTables"
  | "otherIndexes"
  | "otherStreams"
  | "sameNameOtherRegion"
  | "sameNameOtherAccount"
  | "sameNamePrefix"
  | "anyResource";

export type Profile = "read" | "readWithStream" | "write";

export const ALLOWED: Record<Profile, Partial<Record<ActionGroup, readonly ResourceKind[]>>> = {
  read: { readItems: ["ownTable", "ownIndex"], tableChecks: ["ownTable", "ownIndex"] },
  readWithStream: {
    readItems: ["ownTable", "ownIndex"],
    tableChecks: ["ownTable", "ownIndex"],
    readStream: ["ownStream", "ownRecreatedStream"],
    listStreams: ["anyResource"],
  },
  write: { writeItems: ["ownTable"], tableChecks: ["ownTable"] },
};

/**
 * `*` asks "is this allowed on some resource", which only makes sense for ListStreams (it has
 * no resource-level permission); every other action is asked about concrete ARNs.
 */
const CONCRETE: readonly ResourceKind[] = [
  "ownTable",
  "ownIndex",
  "ownStream",
  "ownRecreatedStream",
  "otherTables",
  "otherIndexes",
  "otherStreams",
  "sameNameOtherRegion",
  "sameNameOtherAccount",
  "sameNamePrefix",
];
export function resourceKindsFor(group: ActionGroup): readonly ResourceKind[] {
  return group === "listStreams" ? ["anyResource"] : CONCRETE;
}

export interface RoleContext {
  readonly region: string;
  readonly accountId: string;
  readonly table: string;
  readonly otherTables: readonly string[];
}

export function resourcesOf(kind: ResourceKind, role: RoleContext): string[] {
  const arn = (table: string, region = role.region, account = role.accountId) =>
    `arn:aws:dynamodb:${region}:${account}:table/${table}`;
  const stream = (table: string, label = "2026-01-01T00:00:00.000") => `${arn(table)}/stream/${label}`;
  switch (kind) {
    case "ownTable":
      return [arn(role.table)];
    case "ownIndex":
      return [`${arn(role.table)}/index/userId-timestamp-index`];
    case "ownStream":
      return [stream(role.table)];
    // The stream a disable-then-enable creates: same table, new label.
    case "ownRecreatedStream":
      return [stream(role.table, "2026-06-30T12:00:00.000")];
    case "otherTables":
      return role.otherTables.map((table) => arn(table));
    case "otherIndexes":
      return role.otherTables.map((table) => `${arn(table)}/index/userId-timestamp-index`);
    case "otherStreams":
      return [...role.otherTables.map((table) => stream(table)), stream(`${role.table}-archive`)];
    case "sameNameOtherRegion":
      return [arn(role.table, "us-east-1")];
    case "sameNameOtherAccount":
      return [arn(role.table, role.region, "999999999999")];
    case "sameNamePrefix":
      return [arn(`${role.table}-archive`), arn(`${role.table}archive`)];
    case "anyResource":
      return ["*"];
  }
}

export function expectedResult(profile: Profile, group: ActionGroup, kind: ResourceKind): "Allowed" | "Denied" {
  return ALLOWED[profile][group]?.includes(kind) ? "Allowed" : "Denied";
}
