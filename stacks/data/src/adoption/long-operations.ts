import { GITHUB_HOSTED_JOB_LIMIT_SECONDS, ROLE_SESSION_SECONDS } from "@dynamodb-platform/platform";
import { ADOPTION_STEP_KEY, type AdoptionStep } from "./adoption-steps";
import { ADOPTED_TABLE_UPDATE_TIMEOUTS } from "./table-options";

/** "5h" / "90m" → seconds. */
function durationSeconds(duration: string): number {
  const match = /^(\d+)(m|h)$/.exec(duration);
  if (!match) throw new Error(`unsupported duration '${duration}'`);
  return Number(match[1]) * (match[2] === "h" ? 3600 : 60);
}

/** What the job needs beside the table update: checkout, npm ci, the preview, the guard, writing the checkpoint. */
const CI_JOB_OVERHEAD_SECONDS = 30 * 60;

/** The command an operator runs instead, from the repository root, with credentials that outlast the step. */
function handRunCommand(stack: string): string {
  return `npx nx run @dynamodb-platform/data:deploy --stack=${stack}`;
}

/**
 * Set by a CI job that runs `pulumi up` on the data stack: the job's `timeout-minutes`. A hand run
 * sets nothing. (Not GITHUB_ACTIONS: the test job runs the program under mocks with it set too.)
 */
export const JOB_TIME_LIMIT_VARIABLE = "DEPLOY_JOB_TIME_LIMIT_MINUTES";

/**
 * Why a `pulumi up` must not run where it runs, or undefined. In a job with a time limit, an update
 * that may outlast the job or its credentials would be cancelled half-way, its checkpoint
 * unwritten: it is stopped before any resource is registered, with the line that runs it by hand.
 * Previews never stop.
 */
export function longOperationRefusal(stack: string, step: AdoptionStep | undefined, env: NodeJS.ProcessEnv, dryRun: boolean): string | undefined {
  const limit = env[JOB_TIME_LIMIT_VARIABLE];
  if (dryRun || step === undefined || limit === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(limit)) {
    throw new Error(`${JOB_TIME_LIMIT_VARIABLE} is '${limit}', not a number of minutes. Set it to the job's timeout-minutes (360 on GitHub-hosted runners)`);
  }
  const update = durationSeconds(ADOPTED_TABLE_UPDATE_TIMEOUTS[step]);
  const budget = Math.min(Number(limit) * 60, GITHUB_HOSTED_JOB_LIMIT_SECONDS, ROLE_SESSION_SECONDS.data) - CI_JOB_OVERHEAD_SECONDS;
  if (update <= budget) return undefined;
  return (
    `${ADOPTION_STEP_KEY} '${step}' may update a table for ${ADOPTED_TABLE_UPDATE_TIMEOUTS[step]}, longer than this job ` +
    `(${Number(limit) / 60} h) and its credentials last: nothing was changed. Run it by hand with credentials that last ` +
    `12 h (docs/runbooks/adoption.md): ${handRunCommand(stack)}`
  );
}
