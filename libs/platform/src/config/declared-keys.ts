import * as awsConfig from "@pulumi/aws/config";
import { ConfigError } from "./config-error";
import { qualify } from "./config-source";

/**
 * One configuration key a stack reads, as the configuration reference (docs/configuration.md)
 * shows it. `invalid` is a bad value and the words of the error it gives; a test feeds the value
 * to the stack's own reader, so the documented error is the real one.
 */
export interface ConfigKeySpec {
  /** As written in the file: bare for the project's own keys, `aws:region` for a provider's. */
  readonly key: string;
  readonly type: string;
  /** `required`, or the value used when the key is absent. */
  readonly default: string;
  readonly description: string;
  readonly invalid?: { readonly value: string; readonly error: string };
}

/** Every key a stack's program reads, in the order the reference lists them. */
export type StackConfigKeys = readonly ConfigKeySpec[];

/**
 * The AWS provider's own settings (`aws:profile`, `aws:allowedAccountIds`, ...), read from the
 * provider's SDK package (@pulumi/aws config/vars), so a stack file may set any of them and a
 * misspelt one is refused like any other key.
 */
const AWS_PROVIDER_KEYS: readonly string[] = Object.keys(awsConfig)
  .filter((name) => !name.startsWith("require"))
  .map((name) => `aws:${name}`);

/** Levenshtein distance: the number of single-character edits between a and b. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The valid key closest to `key` (case-insensitive edit distance; ties keep the list's order). */
export function nearestKey(key: string, valid: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of valid) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (!best || d < best.distance) best = { key: candidate, distance: d };
  }
  return best?.key;
}

/**
 * Refuses every key of `keys` that is not in `valid` (all fully qualified), naming the key, the
 * file it is written in and the nearest valid key, so `systemErrorThreshold` stops the run instead
 * of being ignored while the default applies.
 */
export function refuseUnknownKeys(keys: readonly string[], valid: readonly string[], fileOf: (key: string) => string): void {
  const known = new Set(valid);
  for (const key of keys) {
    if (known.has(key)) continue;
    const nearest = nearestKey(key, valid);
    throw new ConfigError(
      key,
      `it is not a key this stack reads (written in ${fileOf(key)})`,
      nearest ? `Did you mean '${nearest}'? See docs/configuration.md for every key` : "Remove it; docs/configuration.md lists every key",
    );
  }
}

/** The fully qualified keys a stack may set in its own stack file: its declared keys and the provider's settings. */
export function stackFileKeys(project: string, declared: StackConfigKeys): string[] {
  return [...declared.map((spec) => qualify(project, spec.key)), ...AWS_PROVIDER_KEYS];
}
