import { isTaggableAwsType, MANDATORY_TAG_KEYS } from "@dynamodb-platform/tags";
import { violation, type PlatformPolicy } from "./rule";

export const mandatoryCostTags: PlatformPolicy = {
  name: "mandatory-cost-tags",
  description: "Every taggable AWS resource carries non-empty Environment, Team and CostCenter tags.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (!isTaggableAwsType(args.type)) return;
    const tags = (args.props["tags"] ?? {}) as Record<string, unknown>;
    const missing = MANDATORY_TAG_KEYS.filter((key) => typeof tags[key] !== "string" || String(tags[key]).trim() === "");
    if (missing.length > 0) {
      reportViolation(
        violation(args.type, args.name, `lacks the tag(s) ${missing.join(", ")}`, "call tagEveryResource(readMandatoryTags(...)) first in the stack's program, and set environment, team and costCenter in its Pulumi.<stack>.yaml"),
      );
    }
  },
};
