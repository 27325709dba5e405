import { fileConfigSource } from "@dynamodb-platform/platform";
import { describeConfigurationReference } from "@dynamodb-platform/testing";
import { MONITORING_CONFIG_KEYS, readMonitoringStackConfig } from "../src/config";

describeConfigurationReference({
  stack: "monitoring",
  keys: MONITORING_CONFIG_KEYS,
  // dataStack named, as its default asks the engine for the organization, which a reader outside a run has not.
  readWith: (stackDir, changes) => readMonitoringStackConfig(fileConfigSource(stackDir, "prod", { dataStack: "organization/dynamodb-data/prod", ...changes })),
});
