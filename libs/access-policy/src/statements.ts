import type { AccessKind } from "@dynamodb-platform/platform";
import { LIST_STREAMS_ACTION, READ_ITEM_ACTIONS, STREAM_READ_ACTIONS, WRITE_ITEM_ACTIONS } from "./actions";
import { allow, type Statement } from "./policy-document";

export interface TableAccessTarget {
  readonly tableArn: string;
  /** Present when the table has a stream: its readers may consume any stream of the table. */
  readonly streamArn?: string;
}

const indexes = (tableArn: string) => `${tableArn}/index/*`;
const streams = (tableArn: string) => `${tableArn}/stream/*`;
const listStreams = allow("ListStreams", [LIST_STREAMS_ACTION], ["*"]);

/** What one access role of `kind` may do on its table: reads on the table and its indexes (and streams), or writes on the table. */
export function accessStatements(kind: AccessKind, target: TableAccessTarget): Statement[] {
  if (kind === "write") {
    return [allow("WriteItems", WRITE_ITEM_ACTIONS, [target.tableArn])];
  }
  const statements = [allow("ReadItems", READ_ITEM_ACTIONS, [target.tableArn, indexes(target.tableArn)])];
  if (target.streamArn) {
    statements.push(allow("ReadStream", STREAM_READ_ACTIONS, [streams(target.tableArn)]), listStreams);
  }
  return statements;
}

/**
 * The most any access role may do on these tables: every action accessStatements can grant, on
 * the tables, their indexes and their streams. The access roles' permissions boundary.
 */
export function accessCeilingStatements(tableArns: readonly string[]): Statement[] {
  return [
    allow("ItemAccessOnPlatformTables", [...new Set([...READ_ITEM_ACTIONS, ...WRITE_ITEM_ACTIONS])], [...tableArns, ...tableArns.map(indexes)]),
    allow("StreamReadsOnPlatformTables", STREAM_READ_ACTIONS, tableArns.map(streams)),
    listStreams,
  ];
}
