import type { OpType } from "@pulumi/pulumi/automation";

/** A resource's state as `pulumi preview --json` prints it (apitype.ResourceV3, the parts read here). */
export interface PreviewResourceState {
  readonly type?: string;
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly outputs?: Readonly<Record<string, unknown>>;
}

/** One entry of `detailedDiff`: `add`, `update`, `delete`, or one of those with `-replace`. */
export interface PropertyDiff {
  readonly kind: string;
  readonly inputDiff?: boolean;
}

/**
 * One step of the engine's PreviewDigest (`steps`): `op` is the engine's step kind (OpType),
 * `oldState`/`newState` the resource before and after, `detailedDiff` keyed by property path
 * (`streamEnabled`, `pointInTimeRecovery.enabled`, `globalSecondaryIndexes[0]`, `tags.Backup`).
 */
export interface PreviewStep {
  readonly op: OpType;
  readonly urn: string;
  readonly oldState?: PreviewResourceState;
  readonly newState?: PreviewResourceState;
  readonly diffReasons?: readonly string[];
  readonly replaceReasons?: readonly string[];
  readonly detailedDiff?: Readonly<Record<string, PropertyDiff>> | null;
}

export interface PreviewDocument {
  readonly steps?: readonly PreviewStep[];
  readonly changeSummary?: Readonly<Record<string, number>>;
}

class PreviewDocumentError extends Error {
  constructor(problem: string) {
    super(`Not a 'pulumi preview --json' document: ${problem}`);
    this.name = "PreviewDocumentError";
  }
}

/** Parses and checks the document's shape, so a truncated or wrong file cannot pass as "no changes". */
export function parsePreviewDocument(text: string): PreviewDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PreviewDocumentError(`it is not JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new PreviewDocumentError("it is not a JSON object");
  }
  const document = parsed as PreviewDocument;
  if (document.steps === undefined && document.changeSummary === undefined) {
    throw new PreviewDocumentError("it has neither 'steps' nor 'changeSummary'");
  }
  if (document.steps !== undefined && !Array.isArray(document.steps)) {
    throw new PreviewDocumentError("'steps' is not a list");
  }
  for (const step of (document.steps ?? []) as unknown[]) {
    const { op, urn } = (step ?? {}) as Partial<PreviewStep>;
    if (typeof op !== "string" || typeof urn !== "string") {
      throw new PreviewDocumentError("a step has no 'op' or 'urn'");
    }
  }
  return document;
}
