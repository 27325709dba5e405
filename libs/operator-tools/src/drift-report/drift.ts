import type { PreviewDocument } from "@dynamodb-platform/replacement-guard";

/**
 * Steps that change nothing: `same`, a `refresh` that found the resource as recorded, and reads
 * of data sources. A `pulumi preview --refresh --json` digest turns a refresh that found a
 * difference into an `update` (with the drifted properties in detailedDiff) or a `delete` (the
 * resource is gone), and adds the program's step that would put it back (pulumi/pulumi
 * pkg/backend/display/json.go, ShowPreviewDigest, ResourceOutputsEvent of a refresh).
 */
const UNCHANGED_OPS: ReadonlySet<string> = new Set(["same", "refresh", "read"]);

/** One resource that differs from the code, with every step the preview proposed for it. */
export interface DriftedResource {
  readonly type: string;
  readonly name: string;
  readonly ops: readonly string[];
  /** Property paths that differ (detailedDiff keys, else diffReasons); empty for a create or delete. */
  readonly properties: readonly string[];
}

/** `urn:pulumi:<stack>::<project>::<parent types$type>::<name>` → the resource's own type and name. */
function typeAndName(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  if (parts.length < 4) return { type: "?", name: urn };
  return { type: parts[2].split("$").at(-1)!, name: parts.slice(3).join("::") };
}

/** Every resource the preview would change, in the order the preview met them. */
export function driftedResources(document: PreviewDocument): DriftedResource[] {
  const byUrn = new Map<string, { type: string; name: string; ops: string[]; properties: Set<string> }>();
  for (const step of document.steps ?? []) {
    if (UNCHANGED_OPS.has(step.op)) continue;
    const entry = byUrn.get(step.urn) ?? { ...typeAndName(step.urn), ops: [], properties: new Set<string>() };
    if (!entry.ops.includes(step.op)) entry.ops.push(step.op);
    for (const property of step.detailedDiff ? Object.keys(step.detailedDiff) : (step.diffReasons ?? [])) entry.properties.add(property);
    byUrn.set(step.urn, entry);
  }
  return [...byUrn.values()].map(({ properties, ...rest }) => ({ ...rest, properties: [...properties].sort() }));
}

export interface DriftVerdict {
  readonly drifted: boolean;
  readonly lines: readonly string[];
}

/**
 * The verdict on one stack: the preview's own exit code (non-zero with --expect-no-changes when it
 * proposes changes, or when it failed) and its document, which names what changed. The preview
 * runs to its end, so the JSON digest is printed, before --expect-no-changes turns proposed
 * changes into "no changes were expected but changes were proposed" (pulumi/pulumi
 * pkg/cmd/pulumi/operations/preview.go, `expectNop && changes.HasChanges()`).
 */
export function driftVerdict(stack: string, previewExit: number, document: PreviewDocument | undefined): DriftVerdict {
  if (document === undefined) {
    return { drifted: true, lines: [`Drift check of ${stack} failed: pulumi preview exited ${previewExit} and wrote no preview document (its error is above).`] };
  }
  const drifted = driftedResources(document);
  if (drifted.length > 0) {
    return {
      drifted: true,
      lines: [
        `Drift: stack ${stack} differs from the code in ${drifted.length} resource${drifted.length === 1 ? "" : "s"} (changed outside the code, or code not yet deployed):`,
        ...drifted.map((r) => `  ${r.name} (${r.type}): ${r.ops.join(", ")}${r.properties.length > 0 ? ` [${r.properties.join(", ")}]` : ""}`),
      ],
    };
  }
  if (previewExit !== 0) {
    return { drifted: true, lines: [`Drift check of ${stack} failed: pulumi preview exited ${previewExit} without proposing a change (its error is above).`] };
  }
  return { drifted: false, lines: [`No drift: stack ${stack} matches the code.`] };
}
