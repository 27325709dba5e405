/**
 * A configuration value that cannot be used. The message names the full config key (as
 * `pulumi config set` spells it), what is wrong and how to fix it, so a failed run points
 * straight at the line of Pulumi.<stack>.yaml to change.
 */
export class ConfigError extends Error {
  constructor(
    readonly key: string,
    problem: string,
    fix: string,
  ) {
    super(`Invalid configuration '${key}': ${problem}. ${fix}`);
    this.name = "ConfigError";
  }
}
