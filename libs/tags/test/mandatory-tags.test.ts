import type { ConfigSource } from "@dynamodb-platform/platform";
import { readMandatoryTags } from "../src";

const valid = { environment: "production", team: "analytics-platform", costCenter: "CC-4471" };
const source = (values: Record<string, string | undefined>): ConfigSource => ({ project: "p", get: (key) => values[key] });

describe("readMandatoryTags", () => {
  test("maps config keys to the Environment, Team and CostCenter tags", () => {
    expect(readMandatoryTags(source(valid))).toEqual({ Environment: "production", Team: "analytics-platform", CostCenter: "CC-4471" });
  });

  test.each([
    [{ team: undefined }, /'p:team': it is missing/],
    [{ costCenter: "" }, /'p:costCenter': it is empty/],
    [{ environment: "prod!" }, /'p:environment'.*characters AWS tags do not allow/],
    [{ team: " spaced" }, /'p:team'.*white space/],
    [{ team: "x".repeat(257) }, /'p:team'.*257 characters long/],
    [{ costCenter: "aws:cc" }, "Invalid configuration 'p:costCenter': 'aws:cc' starts with 'aws:'. That prefix is reserved by AWS in any letter case"],
    [{ team: "AWS:platform" }, "Invalid configuration 'p:team': 'AWS:platform' starts with 'AWS:'. That prefix is reserved by AWS in any letter case"],
    [{ environment: "Aws:prod" }, "Invalid configuration 'p:environment': 'Aws:prod' starts with 'Aws:'. That prefix is reserved by AWS in any letter case"],
  ])("rejects %p", (override, message) => {
    expect(() => readMandatoryTags(source({ ...valid, ...override }))).toThrow(message);
  });

  test("accepts the characters AWS allows", () => {
    expect(readMandatoryTags(source({ ...valid, team: "Data Platform_1.2:/=+-@" })).Team).toBe("Data Platform_1.2:/=+-@");
  });
});
