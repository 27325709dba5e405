import { STACK_PROJECTS } from "@dynamodb-platform/platform";
import type { ServedStack } from "../served-stacks";
import { accessRoleArns, alarmArns, dashboardArn, kmsKeyArns, tableArns, topicArn, type Account } from "../policies/arns";
import { bucketArn, type StateBucket } from "../policies/state";
import { CALL_TABLE, runnerOf, type Call, type Runner, type Target } from "./call-table";

/** One call of the table made against real ARNs: what AWS authorizes. */
export interface ResolvedCall {
  readonly call: Call;
  readonly runner: Runner;
  readonly action: string;
  /** An ARN, or "*" for a call IAM authorizes only on every resource. */
  readonly resource: string;
  readonly context: Readonly<Record<string, string>>;
}

export interface CallScope {
  readonly account: Account;
  readonly bucket: StateBucket;
  readonly served: readonly ServedStack[];
  readonly boundaryArn: string;
}

function resourcesOf(target: Target, call: Call, scope: CallScope, served: ServedStack): string[] {
  const { account } = scope;
  switch (target.kind) {
    case "state-bucket":
      return [bucketArn(scope.bucket)];
    case "state-object": {
      const key = target.key.replaceAll("{project}", STACK_PROJECTS[call.stack].pulumiProject).replaceAll("{stack}", served.stack);
      return [`${bucketArn(scope.bucket)}/.pulumi/${key}`];
    }
    case "table":
      return tableArns(account, served);
    case "alarm":
      return alarmArns(account, served);
    case "any-alarm":
      return ["*"];
    case "dashboard":
      return [dashboardArn(account, served)];
    case "topic":
      return [topicArn(account, served)];
    case "access-role":
      return accessRoleArns(account, served);
    case "aws-dynamodb-key":
    case "table-key":
      return kmsKeyArns(account, [served]);
    case "insights-service-linked-role":
      return [
        `arn:${account.partition}:iam::${account.accountId}:role/aws-service-role/contributorinsights.dynamodb.amazonaws.com/AWSServiceRoleForDynamoDBCloudWatchContributorInsights`,
      ];
  }
}

/** Every row of the call table, for every served stack, as AWS would authorize it. */
export function resolveCalls(scope: CallScope, table: readonly Call[] = CALL_TABLE): ResolvedCall[] {
  const resolved = new Map<string, ResolvedCall>();
  for (const call of table) {
    for (const served of scope.served) {
      const context = Object.fromEntries(Object.entries(call.context ?? {}).map(([key, value]) => [key, value.replace("{boundary}", scope.boundaryArn)]));
      for (const resource of resourcesOf(call.target, call, scope, served)) {
        const runner = runnerOf(call);
        const id = `${runner} ${call.action} ${resource} ${JSON.stringify(context)}`;
        if (!resolved.has(id)) resolved.set(id, { call, runner, action: call.action, resource, context });
      }
    }
  }
  return [...resolved.values()];
}
