import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What an AWS SDK v3 DynamoDB client needs to talk to the local engine (no real credentials). */
export interface LocalDynamoDbClientConfig {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export interface LocalDynamoDb {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /** Spread into `new DynamoDBClient(...)`. */
  readonly clientConfig: LocalDynamoDbClientConfig;
  /** Closes the server, including connections a client kept alive. */
  stop(): Promise<void>;
}

/**
 * Starts dynalite in this process on 127.0.0.1 and a free port. Tables become ACTIVE at once
 * (dynalite's default keeps them CREATING for 500 ms), so a test can write right after CreateTable.
 */
export async function startDynalite(region = "ap-southeast-2"): Promise<LocalDynamoDb> {
  // dynalite 4: a DynamoDB-compatible engine in Node (in-memory LevelDB). It validates CreateTable
  // like DynamoDB and answers DescribeTable, PAY_PER_REQUEST and GSI queries; it ignores streams
  // and SSE. Required here, not at the top, so that importing this library does not load it; it
  // ships no types.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dynalite = require("dynalite") as (options: object) => Server;
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    clientConfig: { endpoint, region, credentials: { accessKeyId: "local", secretAccessKey: "local" } },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
