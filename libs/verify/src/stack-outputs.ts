import { readStackOutputs, stackDir, type StackFolder, type StackOutputsResult } from "@dynamodb-platform/live-account";

/** Reads one stack's outputs; injectable so tests never start the Pulumi CLI. */
export type OutputsReader = (folder: StackFolder, stack: string) => Promise<StackOutputsResult>;

export const pulumiOutputs: OutputsReader = (folder, stack) => readStackOutputs(stackDir(folder), stack);

export const PROJECTS = { data: "dynamodb-data", monitoring: "dynamodb-monitoring", access: "dynamodb-access" } as const;
