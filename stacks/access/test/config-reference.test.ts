import * as fs from "node:fs";
import * as path from "node:path";
import {
  ConfigError,
  ENVIRONMENT_KEYS,
  fileConfigSource,
  qualify,
  readStackFiles,
  referenceSection,
  renderKeyTable,
  stackFileKeys,
} from "@dynamodb-platform/platform";
import { ACCESS_CONFIG_KEYS, readAccessStackConfig } from "../src/config";
const STACK_DIR = path.join(__dirname, "..");
const REFERENCE = fs.readFileSync(path.join(__dirname, "../../../docs/configuration.md"), "utf8");
const PROJECT = readStackFiles(STACK_DIR, "prod").project;

describe("the configuration reference (docs/configuration.md) for the access stack", () => {
  test("lists every key of stacks/access/Pulumi.<stack>.yaml, as the stack's readers declare them", () => {
    expect(referenceSection(REFERENCE, "access")).toBe(renderKeyTable(ACCESS_CONFIG_KEYS.filter((spec) => !ENVIRONMENT_KEYS.includes(spec.key))));
  });

  test("the stack reads every key of the environment's file", () => {
    expect(ENVIRONMENT_KEYS.filter((key) => !ACCESS_CONFIG_KEYS.some((spec) => spec.key === key))).toEqual([]);
  });

  test.each(ACCESS_CONFIG_KEYS.filter((spec) => spec.invalid).map((spec) => [spec.key, spec] as const))(
    "the documented bad value of %s stops the stack's reader with the documented error",
    (_key, spec) => {
      // dataStack named, as its default asks the engine for the organization, which a reader outside a run has not.
      const read = () => readAccessStackConfig(fileConfigSource(STACK_DIR, "prod", { dataStack: "organization/dynamodb-data/prod", [spec.key]: spec.invalid!.value }));
      expect(read).toThrow(ConfigError);
      expect(read).toThrow(`Invalid configuration '${qualify(PROJECT, spec.key)}': ${spec.invalid!.error}`);
    },
  );

  test.each(["dev", "prod"])("Pulumi.%s.yaml holds only keys the reference lists", (stack) => {
    const files = readStackFiles(STACK_DIR, stack);
    const own = Object.keys(files.config).filter((key) => files.origin[key] === files.stackFile);
    expect(own.filter((key) => !stackFileKeys(PROJECT, ACCESS_CONFIG_KEYS).includes(key))).toEqual([]);
  });
});
