import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { ADOPT_EXISTING_TABLES_KEY, DATA_PROJECT, ENVIRONMENT_SUFFIX_KEY, PRODUCTION_TABLES, qualify, readStackFiles, type TableSpec } from "@dynamodb-platform/platform";
import type { PolicyPackConfig } from "./evaluate";
import { namesCarryEnvironmentSuffix } from "./rules/naming";

function dataStackDir(stackDir: string): string | undefined {
  const parent = path.dirname(path.resolve(stackDir));
  return fs
    .readdirSync(parent)
    .map((entry) => path.join(parent, entry))
    .find((dir) => {
      const file = path.join(dir, "Pulumi.yaml");
      return fs.existsSync(file) && (parse(fs.readFileSync(file, "utf8")) as { name?: string }).name === DATA_PROJECT;
    });
}

/**
 * The policy config of one stack, derived from the Pulumi.<stack>.yaml files (the one source of
 * the suffix and of the adoption flag), so the CLI and the offline plan check the same thing.
 */
export function policyConfigFor(stackDir: string, stack: string, specs: readonly TableSpec[] = PRODUCTION_TABLES): PolicyPackConfig {
  const own = readStackFiles(stackDir, stack);
  const environmentSuffix = own.config[qualify(own.project, ENVIRONMENT_SUFFIX_KEY)];
  const dataDir = dataStackDir(stackDir);
  const data = dataDir && fs.existsSync(path.join(dataDir, `Pulumi.${stack}.yaml`)) ? readStackFiles(dataDir, stack) : undefined;
  const adopted = data?.config[qualify(DATA_PROJECT, ADOPT_EXISTING_TABLES_KEY)] === "true";
  return {
    [namesCarryEnvironmentSuffix.name]: {
      ...(environmentSuffix ? { environmentSuffix } : {}),
      // Only a table that exists in production keeps its bare name; a new one is suffixed there too.
      adoptedTableNames: adopted ? specs.filter((table) => table.existsInProduction).map((table) => table.key) : [],
    },
  };
}
