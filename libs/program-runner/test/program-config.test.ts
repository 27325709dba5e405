import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as aws from "@pulumi/aws";
import { pulumiConfigSource, readRegion, requireText, type StackConfigKeys } from "@dynamodb-platform/platform";
import { expectRunFailure, runProgram } from "../src";

/** The keys the little program below declares, as a stack's config.ts does. */
const KEYS: StackConfigKeys = ["aws:region", "team", "systemErrorsThreshold"].map((key) => ({ key, type: "text", default: "required", description: key }));

/** The workspaces this file makes, removed once its tests are done. */
const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

/** stacks/demo with Pulumi.yaml and Pulumi.dev.yaml, and stacks/environments/dev.yaml, in a folder of its own. */
function workspace(stackFile: string, environmentFile = "config:\n  aws:region: ap-southeast-2\n  team: analytics-platform\n"): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "program-config-"));
  roots.push(root);
  const stackDir = path.join(root, "stacks", "demo");
  fs.mkdirSync(path.join(root, "stacks", "environments"), { recursive: true });
  fs.mkdirSync(stackDir);
  fs.writeFileSync(path.join(stackDir, "Pulumi.yaml"), "name: demo\nruntime: nodejs\n");
  fs.writeFileSync(path.join(stackDir, "Pulumi.dev.yaml"), stackFile);
  fs.writeFileSync(path.join(root, "stacks", "environments", "dev.yaml"), environmentFile);
  return stackDir;
}

/** Reads its config first, as every stack does, then declares a topic. */
function run(stackDir: string, configOverrides: Record<string, string | undefined> = {}) {
  return runProgram({
    stackDir,
    stack: "dev",
    configOverrides,
    program: () => {
      const source = pulumiConfigSource(KEYS);
      const values = { region: readRegion(source), team: requireText(source, "team", "x"), threshold: requireText(source, "systemErrorsThreshold", "1") };
      new aws.sns.Topic("topic");
      return Promise.resolve(values);
    },
  });
}

describe("a stack program's configuration (pulumiConfigSource)", () => {
  test("reads the stack file through the engine and the environment's file itself", async () => {
    const result = await run(workspace("config:\n  demo:systemErrorsThreshold: 2\n"));
    expect(result.outputs).toEqual({ region: "ap-southeast-2", team: "analytics-platform", threshold: "2" });
  });

  test("a misspelt key in the stack file stops the run before any resource, naming the file and the nearest key", async () => {
    const stackDir = workspace("config:\n  demo:systemErrorThreshold: 5\n");
    const failure = await expectRunFailure(run(stackDir));
    expect(failure.message).toBe(
      `Invalid configuration 'demo:systemErrorThreshold': it is not a key this stack reads (written in ${path.join(stackDir, "Pulumi.dev.yaml")}). ` +
        "Did you mean 'demo:systemErrorsThreshold'? See docs/configuration.md for every key",
    );
    expect(failure.resources.filter((resource) => resource.custom)).toEqual([]);
  });

  test("a misspelt provider setting is refused too, with the provider's key", async () => {
    const failure = await expectRunFailure(run(workspace("config:\n  demo:systemErrorsThreshold: 2\n  aws:profil: ops\n")));
    expect(failure.message).toMatch(/^Invalid configuration 'aws:profil': it is not a key this stack reads .* Did you mean 'aws:profile'\?/);
    expect(failure.resources.filter((resource) => resource.custom)).toEqual([]);
  });

  test("a shared value missing from the environment's file is named with the file it belongs in", async () => {
    const failure = await expectRunFailure(run(workspace("config:\n  demo:systemErrorsThreshold: 2\n", "config:\n  aws:region: ap-southeast-2\n")));
    expect(failure.message).toBe("Invalid configuration 'demo:team': it is missing. Set it once for the environment in stacks/environments/<stack>.yaml (team: x)");
    expect(failure.resources.filter((resource) => resource.custom)).toEqual([]);
  });

  describe("the AWS provider's region", () => {
    const saved = { AWS_REGION: process.env["AWS_REGION"], AWS_DEFAULT_REGION: process.env["AWS_DEFAULT_REGION"] };
    afterEach(() => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });
    const withoutProviderRegionInConfig = { "aws:region": undefined };

    test("comes from AWS_REGION when the engine has no aws:region, and must be the environment's", async () => {
      const stackDir = workspace("config:\n  demo:systemErrorsThreshold: 2\n");
      delete process.env["AWS_DEFAULT_REGION"];
      process.env["AWS_REGION"] = "ap-southeast-2";
      expect((await run(stackDir, withoutProviderRegionInConfig)).outputs["region"]).toBe("ap-southeast-2");

      process.env["AWS_REGION"] = "us-east-1";
      const failure = await expectRunFailure(run(stackDir, withoutProviderRegionInConfig));
      expect(failure.message).toMatch(/the environment's region is ap-southeast-2, and the AWS provider's is us-east-1\. Run 'export AWS_REGION=ap-southeast-2'/);
      expect(failure.resources.filter((resource) => resource.custom)).toEqual([]);
    });

    test("is required: without AWS_REGION the run stops before any resource", async () => {
      delete process.env["AWS_REGION"];
      delete process.env["AWS_DEFAULT_REGION"];
      const failure = await expectRunFailure(run(workspace("config:\n  demo:systemErrorsThreshold: 2\n"), withoutProviderRegionInConfig));
      expect(failure.message).toMatch(/the AWS provider has none\. Run 'export AWS_REGION=ap-southeast-2'/);
      expect(failure.resources.filter((resource) => resource.custom)).toEqual([]);
    });
  });
});
