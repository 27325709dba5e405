import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";

/**
 * The versions CI and users run are the ones the tests run: the Pulumi CLI the workflow installs
 * is the SDK release the lockfile pins, and the Node of `.nvmrc` is one that `engines` and that
 * SDK accept. And under jest, where `typescript` is loaded on first use (jest.preset.js), Pulumi
 * still gets the real compiler when it needs one.
 */
const root = path.join(__dirname, "..", "..", "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

interface LockedPackage {
  version: string;
  engines?: { node?: string };
}
const lock = JSON.parse(read("package-lock.json")) as { packages: Record<string, LockedPackage> };
const pulumiSdk = lock.packages["node_modules/@pulumi/pulumi"];
const nodeMajor = Number(read(".nvmrc").trim());
/** The lowest Node major a `>=N` range accepts (the only form these packages use). */
const lowestMajor = (range: string | undefined) => Number(/^>=\s*(\d+)/.exec(range ?? "")?.[1] ?? NaN);

test("every pulumi/actions step installs the CLI release of the locked @pulumi/pulumi SDK", () => {
  const workflow = parse(read(".github/workflows/infra.yml")) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
  const versions = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .filter((step) => step.uses?.startsWith("pulumi/actions@"))
    .map((step) => String(step.with?.["pulumi-version"]));
  expect(versions.length).toBeGreaterThan(0);
  expect(new Set(versions)).toEqual(new Set([pulumiSdk.version]));
});

test("the Node of .nvmrc is the one package.json's engines names, and the locked Pulumi SDK accepts it", () => {
  const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
  expect(engines).toBe(`>=${nodeMajor}`);
  expect(lowestMajor(pulumiSdk.engines?.node)).toBeLessThanOrEqual(nodeMajor);
});

test("under jest, Pulumi's function serialization gets the real TypeScript compiler (it parses the function for its captured variables)", async () => {
  const factor = 6;
  const serialized = await pulumi.runtime.serializeFunction(() => factor * 7);
  expect(serialized.text).toContain("with({ factor: 6");
  expect(serialized.text).toContain("factor * 7");
});
