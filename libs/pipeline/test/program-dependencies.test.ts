import * as fs from "node:fs";
import * as path from "node:path";

/**
 * A Pulumi program loads the platform's rules, never the operator tools or an AWS SDK: those call
 * a live account, and a program's dependencies are what every deploy of it installs and hashes.
 */
const ROOT = path.resolve(__dirname, "..", "..", "..");
const SCOPE = "@dynamodb-platform/";

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
}

const packages = new Map<string, { folder: string; json: PackageJson }>(
  ["libs", "stacks"].flatMap((parent) =>
    fs
      .readdirSync(path.join(ROOT, parent))
      .filter((entry) => fs.existsSync(path.join(ROOT, parent, entry, "package.json")))
      .map((entry) => {
        const json = JSON.parse(fs.readFileSync(path.join(ROOT, parent, entry, "package.json"), "utf8")) as PackageJson;
        return [json.name, { folder: `${parent}/${entry}`, json }] as const;
      }),
  ),
);

/** Every package a program loads at run time: its `dependencies`, through the workspace's packages. */
function runtimeDependencies(name: string, seen = new Set<string>()): Set<string> {
  for (const dependency of Object.keys(packages.get(name)?.json.dependencies ?? {})) {
    if (seen.has(dependency)) continue;
    seen.add(dependency);
    if (packages.has(dependency)) runtimeDependencies(dependency, seen);
  }
  return seen;
}

const programs = [...packages.values()].filter(({ folder }) => folder.startsWith("stacks/")).map(({ json }) => json.name);

describe("no Pulumi program loads SDK tooling", () => {
  test("the four programs are found", () => {
    expect(programs.map((name) => name.slice(SCOPE.length)).sort()).toEqual(["access", "bootstrap", "data", "monitoring"]);
  });

  test.each(programs)("%s: no AWS SDK client and no operator tool among its run-time dependencies", (program) => {
    const tooling = [...runtimeDependencies(program)].filter((name) => name.startsWith("@aws-sdk/") || name === `${SCOPE}operator-tools`);
    expect(tooling).toEqual([]);
  });
});
