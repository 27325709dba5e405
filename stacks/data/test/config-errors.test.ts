import { expectRunFailure } from "@dynamodb-platform/program-runner";
import { cloudResources, runDataStack } from "./run-data-stack";

const failureOf = (overrides: Record<string, string | undefined>) => expectRunFailure(runDataStack("dev", overrides));

describe("bad data stack configuration fails before any resource is registered", () => {
  test.each([
    ["environmentSuffix with uppercase", { environmentSuffix: "Dev" }, /'dynamodb-data:environmentSuffix': 'Dev' is not allowed.*lowercase/],
    ["environmentSuffix with an underscore", { environmentSuffix: "my_env" }, /'dynamodb-data:environmentSuffix': 'my_env' is not allowed/],
    ["environmentSuffix too long", { environmentSuffix: "a".repeat(33) }, /'dynamodb-data:environmentSuffix'.*33 characters long.*at most 32/],
    ["environmentSuffix missing", { environmentSuffix: undefined }, /'dynamodb-data:environmentSuffix': it is missing.*pulumi config set environmentSuffix/],
    ["cost centre empty", { costCenter: "" }, /'dynamodb-data:costCenter': it is empty/],
    ["cost centre with characters AWS tags reject", { costCenter: "CC#12" }, /'dynamodb-data:costCenter'.*characters AWS tags do not allow/],
    ["adoption flag that is not a boolean", { adoptExistingTables: "yes" }, /'dynamodb-data:adoptExistingTables': 'yes' is not a boolean.*true or false/],
    ["adoption flag missing", { adoptExistingTables: undefined }, /'dynamodb-data:adoptExistingTables': it is missing/],
    ["region malformed", { "aws:region": "sydney" }, /'aws:region': 'sydney' is not an AWS region name/],
    ["a misspelt key", { adoptExistingTable: "false" }, /'dynamodb-data:adoptExistingTable': it is not a key this stack reads \(written in .*stacks\/data\/Pulumi\.dev\.yaml\)\. Did you mean 'dynamodb-data:adoptExistingTables'\?/],
  ])("%s", async (_case, overrides, message) => {
    const failure = await failureOf(overrides);
    expect(failure.name).toBe("ConfigError");
    expect(failure.message).toMatch(message);
    expect(failure.resources.filter((r) => r.custom && r.type.startsWith("aws:"))).toEqual([]);
  });

  test("a 32-character suffix, the longest allowed, is accepted", async () => {
    const run = await runDataStack("dev", { environmentSuffix: "a".repeat(32) });
    expect(cloudResources(run).length).toBeGreaterThan(0);
  });
});
