import { STACK_PROJECTS, type PipelineStack } from "@dynamodb-platform/deploy-identities";
import { allow, type Statement } from "@dynamodb-platform/access-policy";

/**
 * The Pulumi S3 (diy) backend's objects, from pulumi/pulumi pkg/backend/diy: a stack's checkpoint
 * is `.pulumi/stacks/<project>/<stack>.json` (plus `.gz`/`.zst` when compressed and `.bak` copies,
 * store.go StackBasePath), its history, backups and update journal sit under
 * `.pulumi/{history,backups,journal}/<project>/<stack>/`, the layout version in `.pulumi/meta.yaml`,
 * and a lock is `.pulumi/locks/organization/<project>/<stack>/<uuid>.json` (lock.go lockPath).
 * `pulumi up`, `refresh`, `destroy` and `import` take the lock (backend.go Update/Refresh/Destroy/
 * Import call Lock); `pulumi preview` does not (backend.go Preview goes straight to apply), writes
 * no history or backup (apply skips them on a dry run), so a preview only reads.
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
const checkpoint = (bucket: StateBucket, project: PipelineStack, stack: string) =>
  object(bucket, `stacks/${STACK_PROJECTS[project].pulumiProject}/${stack}.json*`);

/**
 * Listing: without s3:ListBucket, S3 answers a missing object with 403 instead of 404, and the
 * backend probes `.json`, `.json.gz` and `.json.zst` for every stack. Listing shows keys only.
 */
export function listStateBucket(bucket: StateBucket): Statement {
  return allow("ListStateBucket", ["s3:ListBucket"], [bucketArn(bucket)]);
}

/** Reading checkpoints: a preview's own stack, or the data stack a StackReference reads. */
export function readCheckpoints(bucket: StateBucket, projects: readonly PipelineStack[], stacks: readonly string[]): Statement {
  return allow(
    "ReadStackState",
    ["s3:GetObject"],
    [object(bucket, "meta.yaml"), ...projects.flatMap((project) => stacks.map((stack) => checkpoint(bucket, project, stack)))],
  );
}

/** What `pulumi up`/`refresh`/`destroy` of one project writes: its checkpoint, history, backups, journal and lock. */
export function writeOwnState(bucket: StateBucket, project: PipelineStack, stacks: readonly string[]): Statement {
  const name = STACK_PROJECTS[project].pulumiProject;
  return allow(
    "WriteOwnStackState",
    ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
    stacks.flatMap((stack) => [
      checkpoint(bucket, project, stack),
      object(bucket, `history/${name}/${stack}/*`),
      object(bucket, `backups/${name}/${stack}/*`),
      object(bucket, `journal/${name}/${stack}/*`),
      object(bucket, `locks/organization/${name}/${stack}/*`),
    ]),
  );
}
