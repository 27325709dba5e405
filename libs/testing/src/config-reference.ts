import * as fs from "node:fs";
import * as path from "node:path";
import {
  ConfigError,
  ENVIRONMENT_KEYS,
  qualify,
  readStackFiles,
  referenceSection,
  renderKeyTable,
  stackFileKeys,
  type StackConfigKeys,
} from "@dynamodb-platform/platform";

const REFERENCE_FILE = path.join(__dirname, "..", "..", "..", "docs", "configuration.md");

export interface StackConfigReference {
  /** The stack's folder name under stacks/, which is also its section of docs/configuration.md. */
  readonly stack: string;
  /** The keys the stack's readers declare. */
  readonly keys: StackConfigKeys;
  /** Runs the stack's real reader on its prod files with one key changed. */
  readonly readWith: (stackDir: string, changes: Readonly<Record<string, string>>) => unknown;
}

/**
 * The tests that keep docs/configuration.md equal to what a stack's readers declare: the section
 * lists every key, each documented bad value stops the real reader with the documented error, and
 * the stack files hold only declared keys.
 */
export function describeConfigurationReference({ stack, keys, readWith }: StackConfigReference): void {
  const stackDir = path.join(__dirname, "..", "..", "..", "stacks", stack);
  const reference = fs.readFileSync(REFERENCE_FILE, "utf8");
  const project = readStackFiles(stackDir, "prod").project;

  describe(`the configuration reference (docs/configuration.md) for the ${stack} stack`, () => {
    test(`lists every key of stacks/${stack}/Pulumi.<stack>.yaml, as the stack's readers declare them`, () => {
      expect(referenceSection(reference, stack)).toBe(renderKeyTable(keys.filter((spec) => !ENVIRONMENT_KEYS.includes(spec.key))));
    });

    test("the stack reads every key of the environment's file", () => {
      expect(ENVIRONMENT_KEYS.filter((key) => !keys.some((spec) => spec.key === key))).toEqual([]);
    });

    test.each(keys.filter((spec) => spec.invalid).map((spec) => [spec.key, spec] as const))(
      "the documented bad value of %s stops the stack's reader with the documented error",
      (_key, spec) => {
        const read = () => readWith(stackDir, { [spec.key]: spec.invalid!.value });
        expect(read).toThrow(ConfigError);
        expect(read).toThrow(`Invalid configuration '${qualify(project, spec.key)}': ${spec.invalid!.error}`);
      },
    );

    test.each(["dev", "prod"])("Pulumi.%s.yaml holds only keys the reference lists", (stackName) => {
      const files = readStackFiles(stackDir, stackName);
      const own = Object.keys(files.config).filter((key) => files.origin[key] === files.stackFile);
      expect(own.filter((key) => !stackFileKeys(project, keys).includes(key))).toEqual([]);
    });
  });
}
