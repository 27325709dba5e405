import * as pulumi from "@pulumi/pulumi";
import { isTaggableAwsType } from "./taggable";
import type { MandatoryTags } from "./mandatory-tags";

type TagInput = pulumi.Input<Record<string, pulumi.Input<string>>> | undefined;

/**
 * Merges the mandatory tags into a resource's own tags. The resource's tags may be computed
 * (outputs of other resources or stack references), so the merge happens inside `apply()`.
 * Mandatory tags win: a resource cannot opt out of cost attribution.
 */
function withMandatoryTags(
  tags: TagInput,
  mandatory: MandatoryTags,
): pulumi.Output<Record<string, string>> {
  return pulumi.output(tags ?? {}).apply((own): Record<string, string> => ({ ...own, ...mandatory }));
}

/** A resource transformation that tags every taggable AWS resource it sees. */
function mandatoryTagsTransformation(mandatory: MandatoryTags): pulumi.ResourceTransformation {
  return (args) => {
    if (!isTaggableAwsType(args.type)) return undefined;
    const props = args.props as { tags?: TagInput };
    return { props: { ...args.props, tags: withMandatoryTags(props.tags, mandatory) }, opts: args.opts };
  };
}

/**
 * Registers the tagging on the root stack resource, so it reaches every resource of the program,
 * including those inside components, without any resource having to ask for it. Call it first.
 *
 * The SDK-side transformation runs identically under the engine and under mocks, unlike its
 * successor registerResourceTransform (docs/decisions/tagging.md).
 */
export function tagEveryResource(mandatory: MandatoryTags): void {
  pulumi.runtime.registerStackTransformation(mandatoryTagsTransformation(mandatory));
}
