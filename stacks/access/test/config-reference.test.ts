import { fileConfigSource } from "@dynamodb-platform/platform";
import { describeConfigurationReference } from "@dynamodb-platform/testing";
import { ACCESS_CONFIG_KEYS, readAccessStackConfig } from "../src/config";

describeConfigurationReference({
  stack: "access",
  keys: ACCESS_CONFIG_KEYS,
  // dataStack named, as its default asks the engine for the organization, which a reader outside a run has not.
  readWith: (stackDir, changes) => readAccessStackConfig(fileConfigSource(stackDir, "prod", { dataStack: "organization/dynamodb-data/prod", ...changes })),
});
