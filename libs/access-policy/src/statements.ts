import type { AccessKind } from "@dynamodb-platform/stack-config";
import { LIST_STREAMS_ACTION, READ_ITEM_ACTIONS, STREAM_READ_ACTIONS, WRITE_ITEM_ACTIONS } from "./actions";

/** One Allow statement of an IAM policy, typed so a policy is built from data, not strings. */
export interface AllowStatement {
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

export interface TableAccessTarget {
  readonly tableArn: string;
  /** Present when the table has a stream: its readers may consume any stream of the table. */
  readonly streamArn?: string;
}

const indexes = (tableArn: string) => `${tableArn}/index/*`;
const streams = (tableArn: string) => `${tableArn}/stream/*`;
const listStreams: AllowStatement = { sid: "ListStreams", actions: [LIST_STREAMS_ACTION], resources: ["*"] };

/** What one access role of `kind` may do on its table: reads on the table and its indexes (and streams), or writes on the table. */
export function accessStatements(kind: AccessKind, target: TableAccessTarget): AllowStatement[] {
  if (kind === "write") {
    return [{ sid: "WriteItems", actions: WRITE_ITEM_ACTIONS, resources: [target.tableArn] }];
  }
  const statements: AllowStatement[] = [{ sid: "ReadItems", actions: READ_ITEM_ACTIONS, resources: [target.tableArn, indexes(target.tableArn)] }];
  if (target.streamArn) {
    statements.push({ sid: "ReadStream", actions: STREAM_READ_ACTIONS, resources: [streams(target.tableArn)] }, listStreams);
  }
  return statements;
}

/**
 * The most any access role may do on these tables: every action accessStatements can grant, on
 * the tables, their indexes and their streams. The access roles' permissions boundary.
 */
export function accessCeilingStatements(tableArns: readonly string[]): AllowStatement[] {
  return [
    {
      sid: "ItemAccessOnPlatformTables",
      actions: [...new Set([...READ_ITEM_ACTIONS, ...WRITE_ITEM_ACTIONS])],
      resources: [...tableArns, ...tableArns.map(indexes)],
    },
    { sid: "StreamReadsOnPlatformTables", actions: STREAM_READ_ACTIONS, resources: tableArns.map(streams) },
    listStreams,
  ];
}
