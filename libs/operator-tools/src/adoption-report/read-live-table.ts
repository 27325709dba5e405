import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { KMSClient } from "@aws-sdk/client-kms";
import { paginateListEventSourceMappings, type EventSourceMappingConfiguration, type LambdaClient } from "@aws-sdk/client-lambda";
import { awsCall, readLiveTable } from "../live-account";
import type { AdoptionTableState } from "./live-state";

export interface LiveClients {
  readonly dynamodb: DynamoDBClient;
  readonly lambda: LambdaClient;
  readonly kms: KMSClient;
}

/** The Lambda event source mappings reading one stream (ListEventSourceMappings by EventSourceArn). */
async function listStreamConsumers(lambda: LambdaClient, streamArn: string): Promise<EventSourceMappingConfiguration[]> {
  return awsCall(`ListEventSourceMappings ${streamArn}`, async () => {
    const mappings: EventSourceMappingConfiguration[] = [];
    for await (const page of paginateListEventSourceMappings({ client: lambda }, { EventSourceArn: streamArn })) {
      mappings.push(...(page.EventSourceMappings ?? []));
    }
    return mappings;
  });
}

/** The shared table reader, plus the stream's readers, which only adoption can break. */
export async function readAdoptionState(clients: LiveClients, name: string): Promise<AdoptionTableState> {
  const live = await readLiveTable(clients, name);
  const streamArn = live.table.StreamSpecification?.StreamEnabled ? live.table.LatestStreamArn : undefined;
  return { ...live, streamConsumers: streamArn ? await listStreamConsumers(clients.lambda, streamArn) : [] };
}
