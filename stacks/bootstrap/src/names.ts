import { accessRoleName, ACCESS_KINDS, resourceName } from "@dynamodb-platform/stack-config";
import type { PipelineStack } from "@dynamodb-platform/deploy-pipeline";
import type { ServedStack } from "./served-stacks";

/** IAM names of what bootstrap creates: one set per account. */
export const PREVIEW_ROLE_NAME = "dynamodb-platform-preview";
export const DEPLOY_ROLE_NAMES: Readonly<Record<PipelineStack, string>> = {
  data: "dynamodb-platform-deploy-data",
  monitoring: "dynamodb-platform-deploy-monitoring",
  access: "dynamodb-platform-deploy-access",
};
export { ACCESS_BOUNDARY_POLICY_NAME } from "@dynamodb-platform/deploy-pipeline";

/** Names the monitoring stack gives its resources (its components use the same resourceName rule). */
const ACCOUNT_WIDE = "dynamodb";

export function alarmNames(served: ServedStack): string[] {
  return [
    ...Object.keys(served.tables).map((table) => resourceName("systemerrors", table, served.monitoringSuffix)),
    resourceName("usererrors", ACCOUNT_WIDE, served.monitoringSuffix),
  ];
}

export function alarmTopicName(served: ServedStack): string {
  return resourceName("alarms", ACCOUNT_WIDE, served.monitoringSuffix);
}

/** The monitoring stack's operator dashboard, `dynamodb-{environmentSuffix}`. */
export function dashboardName(served: ServedStack): string {
  return `${ACCOUNT_WIDE}-${served.monitoringSuffix}`;
}

/** The six roles of the access stack: `dynamodb-{physical table}-{read|write}-role`. */
export function accessRoleNames(served: ServedStack): string[] {
  return Object.values(served.tables).flatMap((table) => ACCESS_KINDS.map((kind) => accessRoleName(table, kind)));
}
