import { STACK_PROJECTS, type PipelineStack } from "@dynamodb-platform/platform";
import { allow, type Statement } from "@dynamodb-platform/access-policy";

/**
 * The Pulumi S3 (diy) backend's objects, from pulumi/pulumi pkg/backend/diy: a stack's checkpoint
 * is `.pulumi/stacks/<project>/<stack>.json` (a `.bak` copy beside it, store.go StackBasePath; no
 * compression is configured), its tags `<stack>.pulumi-tags`, its history and backups under
 * `.pulumi/{history,backups}/<project>/<stack>/`, the layout version in `.pulumi/meta.yaml`,
 * and a lock is `.pulumi/locks/organization/<project>/<stack>/<uuid>.json` (lock.go lockPath).
 * `pulumi up`, `refresh`, `destroy` and `import` take the lock (backend.go Update/Refresh/Destroy/
 * Import call Lock); `pulumi preview` does not (backend.go Preview goes straight to apply), writes
 * no history or backup (apply skips them on a dry run), so a preview only reads. Row by row, with
 * sources: src/calls/call-table.ts.
 */
export interface StateBucket {
  readonly partition: string;
  readonly name: string;
}

export function bucketArn(bucket: StateBucket): string {
  return `arn:${bucket.partition}:s3:::${bucket.name}`;
}

export function stateBackendUrl(bucket: StateBucket): string {
  return `s3://${bucket.name}`;
}

const object = (bucket: StateBucket, key: string) => `${bucketArn(bucket)}/.pulumi/${key}`;
const stackBase = (bucket: StateBucket, project: PipelineStack, stack: string) => object(bucket, `stacks/${STACK_PROJECTS[project].pulumiProject}/${stack}`);

/**
 * Listing: without s3:ListBucket, S3 answers a missing object with 403 instead of 404, and the
 * backend probes `.json`, `.json.gz` and `.json.zst` for every stack and reads the tags file only
 * when it exists (NotFound is the one error it tolerates). Listing shows keys only.
 */
export function listStateBucket(bucket: StateBucket): Statement {
  return allow("ListStateBucket", ["s3:ListBucket"], [bucketArn(bucket)]);
}

/**
 * What every operation reads (state.go getTarget): the layout version, a stack's checkpoint and its
 * tags file (`<stack>.pulumi-tags`, read by every operation since 3.211, pulumi/pulumi#19882); for
 * `readers`, the stacks a StackReference reads, their checkpoint only.
 */
export function readState(bucket: StateBucket, own: readonly PipelineStack[], referenced: readonly PipelineStack[], stacks: readonly string[]): Statement {
  return allow("ReadStackState", ["s3:GetObject"], [
    object(bucket, "meta.yaml"),
    ...own.flatMap((project) => stacks.flatMap((stack) => [`${stackBase(bucket, project, stack)}.json`, `${stackBase(bucket, project, stack)}.pulumi-tags`])),
    ...referenced.flatMap((project) => stacks.map((stack) => `${stackBase(bucket, project, stack)}.json`)),
  ]);
}

/**
 * What `pulumi up`/`refresh`/`destroy` of one project writes (state.go saveCheckpoint, backupTarget,
 * addToHistory, backupStack; lock.go Lock): its checkpoint and the `.bak` copy, history, backups and
 * its lock, which Unlock deletes again. Nothing else is ever deleted.
 */
export function writeOwnState(bucket: StateBucket, project: PipelineStack, stacks: readonly string[]): Statement[] {
  const name = STACK_PROJECTS[project].pulumiProject;
  const locks = stacks.map((stack) => object(bucket, `locks/organization/${name}/${stack}/*`));
  return [
    allow(
      "WriteOwnStackState",
      ["s3:PutObject"],
      stacks.flatMap((stack) => [
        `${stackBase(bucket, project, stack)}.json`,
        `${stackBase(bucket, project, stack)}.json.bak`,
        object(bucket, `history/${name}/${stack}/*`),
        object(bucket, `backups/${name}/${stack}/*`),
      ]).concat(locks),
    ),
    allow("ReleaseOwnLock", ["s3:DeleteObject"], locks),
  ];
}
