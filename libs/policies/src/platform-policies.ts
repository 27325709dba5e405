import { alarmsFillDynamoDbMetrics, alarmsHaveActions, alarmsOnPublishedMetrics } from "./rules/alarms";
import { dashboardsOnPublishedMetrics } from "./rules/dashboards";
import {
  dynamodbAwsManagedEncryption,
  dynamodbDeletionProtectionOff,
  dynamodbOnDemand,
  dynamodbStreamsOnlyWhereDeclared,
} from "./rules/dynamodb";
import { iamNoWildcardActions, iamNoWildcardResources, iamRoleNaming, iamTrustNotPublic } from "./rules/iam";
import { namesCarryEnvironmentSuffix } from "./rules/naming";
import type { PlatformPolicy } from "./rules/rule";
import { mandatoryCostTags } from "./rules/tags";
import { alarmTopicsNotOnAwsManagedKey } from "./rules/topics";

/** Every rule of the platform; the pack, the offline plan and the tests all use this list. */
export const PLATFORM_POLICIES: readonly PlatformPolicy[] = [
  mandatoryCostTags,
  dynamodbOnDemand,
  dynamodbAwsManagedEncryption,
  dynamodbDeletionProtectionOff,
  dynamodbStreamsOnlyWhereDeclared,
  alarmsOnPublishedMetrics,
  alarmsHaveActions,
  alarmsFillDynamoDbMetrics,
  alarmTopicsNotOnAwsManagedKey,
  dashboardsOnPublishedMetrics,
  iamNoWildcardActions,
  iamNoWildcardResources,
  iamTrustNotPublic,
  iamRoleNaming,
  namesCarryEnvironmentSuffix,
];

export const POLICY_PACK_NAME = "dynamodb-platform";
