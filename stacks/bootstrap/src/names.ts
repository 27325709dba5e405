import {
  accessRoleName,
  ACCESS_KINDS,
  alarmTopicName as topicNameFor,
  dashboardName as dashboardNameFor,
  PLATFORM_PREVIEW_ROLE_NAME,
  platformDeployRoleName,
  systemErrorsAlarmName,
  userErrorsAlarmName,
} from "@dynamodb-platform/stack-config";
import { PIPELINE_STACKS, type PipelineStack } from "@dynamodb-platform/deploy-identities";
import type { ServedStack } from "./served-stacks";

/** IAM names of what bootstrap creates: one set per account. */
export const PREVIEW_ROLE_NAME = PLATFORM_PREVIEW_ROLE_NAME;
export const DEPLOY_ROLE_NAMES = Object.fromEntries(PIPELINE_STACKS.map((stack) => [stack, platformDeployRoleName(stack)])) as Readonly<
  Record<PipelineStack, string>
>;
export { ACCESS_BOUNDARY_POLICY_NAME } from "@dynamodb-platform/deploy-identities";

/** The names the served monitoring stack gives its resources, by the same rules it uses. */
export function alarmNames(served: ServedStack): string[] {
  return [
    ...Object.keys(served.tables).map((table) => systemErrorsAlarmName(table, served.monitoringSuffix)),
    userErrorsAlarmName(served.monitoringSuffix),
  ];
}

export function alarmTopicName(served: ServedStack): string {
  return topicNameFor(served.monitoringSuffix);
}

export function dashboardName(served: ServedStack): string {
  return dashboardNameFor(served.monitoringSuffix);
}

/** The six roles of the access stack: `dynamodb-{physical table}-{read|write}-role`. */
export function accessRoleNames(served: ServedStack): string[] {
  return Object.values(served.tables).flatMap((table) => ACCESS_KINDS.map((kind) => accessRoleName(table, kind)));
}
