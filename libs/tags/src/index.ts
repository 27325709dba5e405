export {
  MANDATORY_TAG_CONFIG_KEYS,
  MANDATORY_TAG_KEYS,
  readMandatoryTags,
  validateTagValue,
  type MandatoryTagKey,
  type MandatoryTags,
} from "./mandatory-tags";
export { UNTAGGABLE_AWS_TYPES, isTaggableAwsType } from "./taggable";
export { mandatoryTagsTransformation, tagEveryResource, withMandatoryTags } from "./tag-transformation";
