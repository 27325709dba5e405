import { ConfigError, qualifiedKey, requireText, type ConfigKeySpec, type ConfigSource } from "@dynamodb-platform/platform";

/** Tag key on AWS → config key in every stack's Pulumi.<stack>.yaml. */
export const MANDATORY_TAG_CONFIG_KEYS = {
  Environment: "environment",
  Team: "team",
  CostCenter: "costCenter",
} as const;

export type MandatoryTagKey = keyof typeof MANDATORY_TAG_CONFIG_KEYS;
export type MandatoryTags = Readonly<Record<MandatoryTagKey, string>>;

export const MANDATORY_TAG_KEYS = Object.keys(MANDATORY_TAG_CONFIG_KEYS) as MandatoryTagKey[];

/** AWS tag values: up to 256 Unicode characters; letters, digits, spaces and `_ . : / = + - @`. */
const MAX_TAG_VALUE_LENGTH = 256;
const TAG_VALUE_PATTERN = /^[\p{L}\p{N}\s_.:/=+\-@]*$/u;

function validateTagValue(value: string, key: string): string {
  if (value !== value.trim()) {
    throw new ConfigError(key, `'${value}' starts or ends with white space`, "Remove the surrounding spaces");
  }
  if (value.length > MAX_TAG_VALUE_LENGTH) {
    throw new ConfigError(
      key,
      `the value is ${value.length} characters long`,
      `AWS tag values hold at most ${MAX_TAG_VALUE_LENGTH}`,
    );
  }
  if (!TAG_VALUE_PATTERN.test(value)) {
    throw new ConfigError(
      key,
      `'${value}' has characters AWS tags do not allow`,
      "Use letters, digits, spaces and _ . : / = + - @",
    );
  }
  // Reserved in any case ("aws:, AWS:, or any upper or lowercase combination": Amazon ECS API Reference, Tag).
  if (value.toLowerCase().startsWith("aws:")) {
    throw new ConfigError(key, `'${value}' starts with '${value.slice(0, 4)}'`, "That prefix is reserved by AWS in any letter case");
  }
  return value;
}

export function readMandatoryTags(source: ConfigSource): MandatoryTags {
  const entries = MANDATORY_TAG_KEYS.map((tagKey) => {
    const configKey = MANDATORY_TAG_CONFIG_KEYS[tagKey];
    const value = requireText(source, configKey, tagKey === "CostCenter" ? "CC-1234" : "analytics-platform");
    return [tagKey, validateTagValue(value, qualifiedKey(source, configKey))] as const;
  });
  return Object.fromEntries(entries) as Record<MandatoryTagKey, string>;
}

const TAG_PURPOSE: Record<MandatoryTagKey, string> = {
  Environment: "The `Environment` tag of every resource (e.g. development, production).",
  Team: "The `Team` tag of every resource: who owns it.",
  CostCenter: "The `CostCenter` tag of every resource: who pays for it.",
};

/** The three tag keys as the configuration reference lists them. */
export const MANDATORY_TAG_KEY_SPECS: readonly ConfigKeySpec[] = MANDATORY_TAG_KEYS.map((tagKey) => ({
  key: MANDATORY_TAG_CONFIG_KEYS[tagKey],
  type: `AWS tag value: up to ${MAX_TAG_VALUE_LENGTH} letters, digits, spaces and _ . : / = + - @, not starting with aws:`,
  default: "required",
  description: TAG_PURPOSE[tagKey],
  invalid: { value: "aws:billing", error: "'aws:billing' starts with 'aws:'" },
}));
