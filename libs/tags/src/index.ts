export { MANDATORY_TAG_CONFIG_KEYS, MANDATORY_TAG_KEYS, MANDATORY_TAG_KEY_SPECS, readMandatoryTags, type MandatoryTags } from "./mandatory-tags";
export { UNTAGGABLE_AWS_TYPES, isTaggableAwsType } from "./taggable";
export { tagEveryResource } from "./tag-transformation";
