import * as fs from "node:fs";
import * as path from "node:path";
import type { DataLossAccepted } from "@dynamodb-platform/platform";
import { checkPreview, parsePreviewDocument, type GuardContext, type GuardResult } from "../src";

export const fixture = (name: string): string => path.join(__dirname, "fixtures", `${name}.json`);

export function prodContext(accepted: DataLossAccepted = {}): GuardContext {
  return { stack: "prod", project: "dynamodb-data", stackFile: "stacks/data/Pulumi.prod.yaml", environmentSuffix: "prod", accepted };
}

/** The guard's verdict on a recorded-shape preview document of the prod data stack. */
export function check(name: string, accepted: DataLossAccepted = {}): GuardResult {
  return checkPreview(parsePreviewDocument(fs.readFileSync(fixture(name), "utf8")), prodContext(accepted));
}

/** table / property / what happens, for each refused change. */
export const refusals = (result: GuardResult): string[][] => result.refused.map((f) => [f.table, f.property, f.change]);
