/**
 * The table properties whose change loses data or breaks readers. The data-safety guard refuses
 * such a change in a preview, and the adoption report flags it in the live account, unless the
 * data stack's config lists it for that table under DATA_LOSS_ACCEPTED_KEY, e.g.
 *   dynamodb-data:dataLossAccepted:
 *     sessions: [globalSecondaryIndexes]
 */
export const DATA_LOSS_ACCEPTED_KEY = "dataLossAccepted";

export const DATA_LOSS_PROPERTIES = {
  table: "replacing or deleting the table deletes every item in it; a replacement starts empty",
  globalSecondaryIndexes: "deleting a global secondary index drops it; queries on it fail until it is rebuilt",
  streamEnabled: "disabling the stream stops every consumer; records not yet read are gone after 24 hours",
  streamViewType: "a new view type needs the stream disabled and enabled again: a new stream ARN, consumers must move",
  pointInTimeRecovery: "switching PITR off or shortening its window deletes recovery points",
  ttl: "removing TTL stops expiring items (storage grows) and changes what readers see",
  serverSideEncryption: "changing the encryption key changes who can read the table (key policy)",
} as const;

export type DataLossProperty = keyof typeof DATA_LOSS_PROPERTIES;

/** Per logical table (`events`, ...), the data-loss changes the operator has accepted. */
export type DataLossAccepted = Readonly<Record<string, readonly DataLossProperty[]>>;

export function isDataLossProperty(name: string): name is DataLossProperty {
  return Object.prototype.hasOwnProperty.call(DATA_LOSS_PROPERTIES, name);
}
