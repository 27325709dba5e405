import type { EventSourceMappingConfiguration } from "@aws-sdk/client-lambda";
import type { LiveTableState } from "../live-account";

/** What the report reads about one live table: the shared table reader's answer, and who reads its stream. */
export interface AdoptionTableState extends LiveTableState {
  /** Lambda event source mappings reading the table's current stream. */
  readonly streamConsumers: readonly EventSourceMappingConfiguration[];
}
