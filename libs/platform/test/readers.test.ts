import {
  ConfigError,
  MAX_ENVIRONMENT_SUFFIX_LENGTH,
  optionalPositiveNumber,
  optionalStringList,
  readEnvironmentSuffix,
  readRegion,
  requireBoolean,
  requireText,
  resourceName,
  type ConfigSource,
} from "../src/config";

function source(values: Record<string, string>): ConfigSource {
  return { project: "demo", get: (key) => values[key] };
}

describe("config readers name the key and the fix", () => {
  test("a missing required value names project:key and the set command", () => {
    expect(() => requireText(source({}), "githubRepository", "my-org/repo")).toThrow(
      new ConfigError("demo:githubRepository", "it is missing", "Set it in Pulumi.<stack>.yaml or with 'pulumi config set githubRepository my-org/repo'"),
    );
  });

  test("a missing shared value points at the environment's file, where it is written once", () => {
    expect(() => requireText(source({}), "team", "analytics")).toThrow(
      new ConfigError("demo:team", "it is missing", "Set it once for the environment in stacks/environments/<stack>.yaml (team: analytics)"),
    );
  });

  test("a blank value is refused", () => {
    expect(() => requireText(source({ team: "  " }), "team", "x")).toThrow(/'demo:team': it is empty/);
  });

  test.each([
    ["true", true],
    ["false", false],
  ])("boolean %s", (raw, expected) => {
    expect(requireBoolean(source({ flag: raw }), "flag")).toBe(expected);
  });

  test.each(["yes", "1", "TRUE", "True"])("boolean spelled %s is refused", (raw) => {
    expect(() => requireBoolean(source({ flag: raw }), "flag")).toThrow(/'demo:flag': '.*' is not a boolean/);
  });

  test("positive numbers: default when absent, refused when zero, negative, fractional (if integer) or text", () => {
    expect(optionalPositiveNumber(source({}), "n", 5)).toBe(5);
    expect(optionalPositiveNumber(source({ n: "2.5" }), "n", 5)).toBe(2.5);
    for (const raw of ["0", "-1", "abc", ""]) {
      expect(() => optionalPositiveNumber(source({ n: raw }), "n", 5)).toThrow(/'demo:n'.*is not a positive number/);
    }
    expect(() => optionalPositiveNumber(source({ n: "1.5" }), "n", 1, { integer: true })).toThrow(/positive whole number/);
  });

  test("string lists come as JSON from YAML sequences", () => {
    expect(optionalStringList(source({}), "l")).toEqual([]);
    expect(optionalStringList(source({ l: '["a","b"]' }), "l")).toEqual(["a", "b"]);
    expect(() => optionalStringList(source({ l: "a,b" }), "l")).toThrow(/'demo:l': 'a,b' is not a list of strings/);
    expect(() => optionalStringList(source({ l: "[1]" }), "l")).toThrow(/is not a list of strings/);
  });
});

describe("environmentSuffix", () => {
  test.each(["dev", "prod", "pr-42", "a".repeat(MAX_ENVIRONMENT_SUFFIX_LENGTH)])("accepts %s", (suffix) => {
    expect(readEnvironmentSuffix(source({ environmentSuffix: suffix }))).toBe(suffix);
  });

  test.each(["Dev", "my_env", "-dev", "dev-", "de--v", "dév", "dev env"])("refuses %s", (suffix) => {
    expect(() => readEnvironmentSuffix(source({ environmentSuffix: suffix }))).toThrow(
      /'demo:environmentSuffix'.*is not allowed/,
    );
  });

  test("the longest allowed suffix keeps the longest derived IAM role name within 64 characters", () => {
    const longest = `dynamodb-sessions-${"a".repeat(MAX_ENVIRONMENT_SUFFIX_LENGTH)}-write-role`;
    expect(longest.length).toBeLessThanOrEqual(64);
    expect(() => readEnvironmentSuffix(source({ environmentSuffix: "a".repeat(MAX_ENVIRONMENT_SUFFIX_LENGTH + 1) }))).toThrow(
      /at most 32/,
    );
  });
});

describe("region and naming", () => {
  test("aws:region is required and must look like a region", () => {
    expect(readRegion(source({ "aws:region": "ap-southeast-2" }))).toBe("ap-southeast-2");
    expect(readRegion(source({ "aws:region": "us-gov-west-1" }))).toBe("us-gov-west-1");
    expect(() => readRegion(source({}))).toThrow(/'aws:region': it is missing/);
    expect(() => readRegion(source({ "aws:region": "Sydney" }))).toThrow(/not an AWS region name/);
  });

  test("in a running program, the AWS provider's region must be the environment's", () => {
    const running = (providerRegion: string | undefined): ConfigSource => ({ ...source({ "aws:region": "ap-southeast-2" }), providerRegion: () => providerRegion });
    expect(readRegion(running("ap-southeast-2"))).toBe("ap-southeast-2");
    expect(() => readRegion(running("us-east-1"))).toThrow(
      "Invalid configuration 'aws:region': the environment's region is ap-southeast-2, and the AWS provider's is us-east-1. " +
        "Run 'export AWS_REGION=ap-southeast-2' first (the provider and the state backend read it)",
    );
    expect(() => readRegion(running(undefined))).toThrow(/the environment's region is ap-southeast-2, and the AWS provider has none\. Run 'export AWS_REGION=ap-southeast-2'/);
  });

  test("resource names are {resource-type}-{tableName}-{environmentSuffix}", () => {
    expect(resourceName("systemerrors", "events", "dev")).toBe("systemerrors-events-dev");
  });
});
