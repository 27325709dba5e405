import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { nearestKey, readStackFiles, refuseUnknownKeys } from "../src/config";

/** The workspaces this file makes, removed once its tests are done. */
const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

/** A workspace of its own: stacks/<project>/Pulumi.yaml, Pulumi.dev.yaml and stacks/environments/dev.yaml. */
function workspace(files: { stack: string; environment?: string }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "stack-files-"));
  roots.push(root);
  const stackDir = path.join(root, "stacks", "demo");
  fs.mkdirSync(stackDir, { recursive: true });
  fs.writeFileSync(path.join(stackDir, "Pulumi.yaml"), "name: demo-project\nruntime: nodejs\n");
  fs.writeFileSync(path.join(stackDir, "Pulumi.dev.yaml"), files.stack);
  if (files.environment !== undefined) {
    fs.mkdirSync(path.join(root, "stacks", "environments"));
    fs.writeFileSync(path.join(root, "stacks", "environments", "dev.yaml"), files.environment);
  }
  return stackDir;
}

const ENVIRONMENT = "config:\n  aws:region: ap-southeast-2\n  team: analytics-platform\n  costCenter: CC-4471\n";

describe("readStackFiles: a stack's file and its environment's file", () => {
  test("the environment's keys count as the stack's own, qualified with its project, and each value names its file", () => {
    const stackDir = workspace({ stack: "config:\n  demo-project:threshold: 3\n  demo-project:emails:\n    - a@example.com\n", environment: ENVIRONMENT });
    const files = readStackFiles(stackDir, "dev");
    const stackFile = path.join(stackDir, "Pulumi.dev.yaml");
    const environmentFile = path.join(stackDir, "..", "environments", "dev.yaml");
    expect(files.config).toEqual({
      "demo-project:threshold": "3",
      "demo-project:emails": '["a@example.com"]',
      "aws:region": "ap-southeast-2",
      "demo-project:team": "analytics-platform",
      "demo-project:costCenter": "CC-4471",
    });
    expect(files.origin).toEqual({
      "demo-project:threshold": stackFile,
      "demo-project:emails": stackFile,
      "aws:region": environmentFile,
      "demo-project:team": environmentFile,
      "demo-project:costCenter": environmentFile,
    });
  });

  test("without an environment's file, the stack file is read alone", () => {
    const stackDir = workspace({ stack: "config:\n  aws:region: eu-west-1\n  team: solo\n" });
    expect(readStackFiles(stackDir, "dev").config).toEqual({ "aws:region": "eu-west-1", "demo-project:team": "solo" });
  });

  test("a shared value written again in the stack file is refused, naming the key and both files", () => {
    const stackDir = workspace({ stack: "config:\n  demo-project:team: growth\n", environment: ENVIRONMENT });
    expect(() => readStackFiles(stackDir, "dev")).toThrow(
      `Invalid configuration 'demo-project:team': it is written in ${path.join(stackDir, "Pulumi.dev.yaml")} and in ${path.join(stackDir, "..", "environments", "dev.yaml")}. ` +
        `Write it once: remove it from ${path.join(stackDir, "Pulumi.dev.yaml")}, as every stack of the environment shares ${path.join(stackDir, "..", "environments", "dev.yaml")}`,
    );
  });

  test("a key no environment holds is refused in the environment's file, with the nearest one", () => {
    const stackDir = workspace({ stack: "config: {}\n", environment: `${ENVIRONMENT}  costCentre: CC-1\n` });
    expect(() => readStackFiles(stackDir, "dev")).toThrow(
      /^Invalid configuration 'costCentre': it is not a key of an environment \(written in .*environments\/dev\.yaml\)\. Did you mean 'costCenter'\?/,
    );
  });
});

describe("unknown keys", () => {
  const valid = ["mon:systemErrorsThreshold", "mon:systemErrorsDatapoints", "mon:userErrorsThreshold", "mon:alarmEmails", "aws:region", "aws:profile"];

  test.each([
    ["mon:systemErrorThreshold", "mon:systemErrorsThreshold"],
    ["mon:SystemErrorsDatapoint", "mon:systemErrorsDatapoints"],
    ["mon:userErrorThreshold", "mon:userErrorsThreshold"],
    ["mon:alarmEmail", "mon:alarmEmails"],
    ["aws:regoin", "aws:region"],
  ])("%s is nearest to %s", (key, nearest) => {
    expect(nearestKey(key, valid)).toBe(nearest);
  });

  test("the first unknown key stops with its file and the nearest valid key; known keys pass", () => {
    expect(() => refuseUnknownKeys(["aws:region", "mon:alarmEmails"], valid, () => "x")).not.toThrow();
    expect(() => refuseUnknownKeys(["aws:region", "mon:systemErrorThreshold"], valid, (key) => `Pulumi.dev.yaml of ${key}`)).toThrow(
      "Invalid configuration 'mon:systemErrorThreshold': it is not a key this stack reads (written in Pulumi.dev.yaml of mon:systemErrorThreshold). " +
        "Did you mean 'mon:systemErrorsThreshold'? See docs/configuration.md for every key",
    );
  });
});
