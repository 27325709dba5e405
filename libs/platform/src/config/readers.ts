import { ConfigError } from "./config-error";
import { qualifiedKey, type ConfigSource } from "./config-source";
import { ENVIRONMENT_KEYS } from "./stack-files";

function setCommand(key: string, example: string): string {
  return `pulumi config set ${key} ${example}`;
}

/** A required, non-blank string. */
export function requireText(source: ConfigSource, key: string, example: string): string {
  const value = source.get(key);
  if (value === undefined) {
    throw new ConfigError(
      qualifiedKey(source, key),
      "it is missing",
      ENVIRONMENT_KEYS.includes(key)
        ? `Set it once for the environment in stacks/environments/<stack>.yaml (${key}: ${example})`
        : `Set it in Pulumi.<stack>.yaml or with '${setCommand(key, example)}'`,
    );
  }
  if (value.trim() === "") {
    throw new ConfigError(
      qualifiedKey(source, key),
      "it is empty",
      `Give it a value, e.g. '${setCommand(key, example)}'`,
    );
  }
  return value;
}

/** A required boolean, spelled `true` or `false` (YAML booleans arrive as those strings). */
export function requireBoolean(source: ConfigSource, key: string): boolean {
  const value = requireText(source, key, "true");
  if (value === "true") return true;
  if (value === "false") return false;
  throw new ConfigError(
    qualifiedKey(source, key),
    `'${value}' is not a boolean`,
    "Use true or false (unquoted in YAML)",
  );
}

/** An optional number that must be positive; `integer` also rules out fractions. */
export function optionalPositiveNumber(
  source: ConfigSource,
  key: string,
  fallback: number,
  options: { integer?: boolean } = {},
): number {
  const raw = source.get(key);
  if (raw === undefined) return fallback;
  const value = raw.trim() === "" ? Number.NaN : Number(raw);
  const kind = options.integer ? "a positive whole number" : "a positive number";
  if (!Number.isFinite(value) || value <= 0 || (options.integer && !Number.isInteger(value))) {
    throw new ConfigError(
      qualifiedKey(source, key),
      `'${raw}' is not ${kind}`,
      `Use ${kind}, or remove the key for the default (${fallback})`,
    );
  }
  return value;
}

/** An optional list of strings, written in YAML as a sequence (arrives as JSON). */
export function optionalStringList(source: ConfigSource, key: string): string[] {
  const raw = source.get(key);
  if (raw === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === "string")) {
    throw new ConfigError(
      qualifiedKey(source, key),
      `'${raw}' is not a list of strings`,
      `Write it as a YAML list, or use 'pulumi config set --path "${key}[0]" VALUE'`,
    );
  }
  return parsed;
}
