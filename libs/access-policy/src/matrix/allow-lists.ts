import type { ResourceKind } from "./resources";

/**
 * What a role may do: each allowed action and the resources it is allowed on. Everything absent
 * is denied, whatever the action (every DynamoDB action IAM knows is asked, see matrix.ts).
 * Written as the platform's promise to table owners, independently of the access stack's policy
 * code, so a change to the policies that widens or narrows a role shows up as a disagreement.
 */
export type AllowList = Readonly<Record<string, readonly ResourceKind[]>>;

/** The three kinds of role: a write role, and a read role whose table has a stream or not. */
export type Profile = "read" | "readWithStream" | "write";

const TABLE_AND_INDEXES: readonly ResourceKind[] = ["ownTable", "ownIndex"];
const EVERY_OWN_STREAM: readonly ResourceKind[] = ["ownStream", "ownRecreatedStream"];
const TABLE_ONLY: readonly ResourceKind[] = ["ownTable"];

const READ: AllowList = {
  "dynamodb:GetItem": TABLE_AND_INDEXES,
  "dynamodb:BatchGetItem": TABLE_AND_INDEXES,
  "dynamodb:Query": TABLE_AND_INDEXES,
  "dynamodb:Scan": TABLE_AND_INDEXES,
  "dynamodb:PartiQLSelect": TABLE_AND_INDEXES,
  "dynamodb:ConditionCheckItem": TABLE_AND_INDEXES,
  "dynamodb:DescribeTable": TABLE_AND_INDEXES,
};

export const ALLOW_LISTS: Readonly<Record<Profile, AllowList>> = {
  read: READ,
  readWithStream: {
    ...READ,
    // A stream disabled and enabled again gets a new label; readers keep access to it.
    "dynamodb:DescribeStream": EVERY_OWN_STREAM,
    "dynamodb:GetRecords": EVERY_OWN_STREAM,
    "dynamodb:GetShardIterator": EVERY_OWN_STREAM,
    // No resource-level permission exists for ListStreams: it can only be granted on "*".
    "dynamodb:ListStreams": ["anyResource"],
  },
  write: {
    "dynamodb:PutItem": TABLE_ONLY,
    "dynamodb:UpdateItem": TABLE_ONLY,
    "dynamodb:DeleteItem": TABLE_ONLY,
    "dynamodb:BatchWriteItem": TABLE_ONLY,
    "dynamodb:PartiQLInsert": TABLE_ONLY,
    "dynamodb:PartiQLUpdate": TABLE_ONLY,
    "dynamodb:PartiQLDelete": TABLE_ONLY,
    "dynamodb:ConditionCheckItem": TABLE_ONLY,
    "dynamodb:DescribeTable": TABLE_ONLY,
  },
};

/** The profile of a role: write roles write; a read role also reads its table's stream if it has one. */
export function profileOf(kind: "read" | "write", tableHasStream: boolean): Profile {
  if (kind === "write") return "write";
  return tableHasStream ? "readWithStream" : "read";
}
