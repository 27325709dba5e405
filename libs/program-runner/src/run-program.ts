import * as pulumi from "@pulumi/pulumi";
import { mockCall, mockResourceState, type MockCloud } from "./mock-cloud";
import { qualify, readStackFiles } from "@dynamodb-platform/platform";

/** A stack's program: what its `index.ts` exports for the Pulumi runtime to call. */
export type StackProgram = () => Promise<object>;

export interface RegisteredResource {
  readonly type: string;
  readonly name: string;
  /** The inputs the provider would receive, after every transformation. */
  readonly inputs: Record<string, unknown>;
  /** The `import` resource option: the id of an existing cloud resource to adopt. */
  readonly importId?: string;
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  /** Properties whose difference from the cloud the engine leaves alone (the `ignoreChanges` option). */
  readonly ignoreChanges?: readonly string[];
  /** How long the provider may wait for create/update/delete (the `customTimeouts` option). */
  readonly customTimeouts?: pulumi.CustomTimeouts;
  /** The resources the `dependsOn` option names: the engine creates them first and deletes them last. */
  readonly dependsOn: readonly ResourceId[];
  readonly custom: boolean;
}

/** A resource by its type and logical name, as the engine's URN names it. */
export interface ResourceId {
  readonly type: string;
  readonly name: string;
}

export interface ProgramRun {
  readonly project: string;
  readonly stack: string;
  readonly config: Readonly<Record<string, string>>;
  readonly resources: readonly RegisteredResource[];
  readonly outputs: Record<string, unknown>;
}

export interface RunOptions {
  /** Folder holding Pulumi.yaml and Pulumi.<stack>.yaml. */
  readonly stackDir: string;
  readonly stack: string;
  readonly program: StackProgram;
  /**
   * Config changes on top of the stack file: bare keys belong to the project; `undefined` removes.
   * A key of the environment's file cannot be removed: the program reads that file itself.
   */
  readonly configOverrides?: Readonly<Record<string, string | undefined>>;
  /** Outputs of stacks the program references, by fully qualified stack name. */
  readonly stackOutputs?: Readonly<Record<string, Record<string, unknown>>>;
}

export const MOCK_ORGANIZATION = "organization";
export const MOCK_ACCOUNT_ID = "123456789012";

type RecordedOptions = Pick<RegisteredResource, "protect" | "retainOnDelete" | "ignoreChanges" | "customTimeouts" | "dependsOn">;

/** The SDK's Resource records its type and name at construction (@pulumi/pulumi resource.js). */
function resourceId(resource: pulumi.Resource): ResourceId {
  const internal = resource as unknown as { __pulumiType: string; __name: string };
  return { type: internal.__pulumiType, name: internal.__name };
}

/** `dependsOn` as the programs write it: a resource or a list of them (not a computed Input). */
function dependsOnIds(dependsOn: pulumi.CustomResourceOptions["dependsOn"]): ResourceId[] {
  if (dependsOn === undefined) return [];
  if (pulumi.Resource.isInstance(dependsOn)) return [resourceId(dependsOn)];
  if (Array.isArray(dependsOn)) {
    return dependsOn.map((item) => {
      if (!pulumi.Resource.isInstance(item)) throw new Error("The program runner records dependsOn only as resources, not computed values");
      return resourceId(item);
    });
  }
  throw new Error("The program runner records dependsOn only as resources, not computed values");
}

/**
 * The program failed. Carries what it had registered by then, so a caller can check that bad
 * input stopped it before any cloud resource was declared.
 */
export class ProgramRunFailure extends Error {
  constructor(
    readonly failure: unknown,
    readonly resources: readonly RegisteredResource[],
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
    this.name = failure instanceof Error ? failure.name : "ProgramRunFailure";
  }
}

// The mock runtime is process-global: one program at a time.
let queue: Promise<unknown> = Promise.resolve();

function waitForPendingRegistrations(): Promise<void> {
  const settings = pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> };
  return settings.waitForRPCs ? settings.waitForRPCs() : Promise.resolve();
}

async function runExclusive(options: RunOptions): Promise<ProgramRun> {
  const files = readStackFiles(options.stackDir, options.stack);
  // What the program sees: both files, then the test's changes.
  const config: Record<string, string> = { ...files.config };
  // What the engine passes: the stack file only (the program reads the environment's file itself),
  // and the region the AWS provider takes from AWS_REGION, exported as the user would.
  const engine: Record<string, string> = Object.fromEntries(Object.entries(files.config).filter(([key]) => files.origin[key] === files.stackFile));
  const exportedRegion = files.config["aws:region"];
  if (exportedRegion !== undefined) engine["aws:region"] = exportedRegion;
  for (const [key, value] of Object.entries(options.configOverrides ?? {})) {
    const qualified = qualify(files.project, key);
    for (const target of [config, engine]) {
      if (value === undefined) delete target[qualified];
      else target[qualified] = value;
    }
  }
  const cloud: MockCloud = {
    accountId: MOCK_ACCOUNT_ID,
    region: config["aws:region"] ?? "",
    stackOutputs: options.stackOutputs ?? {},
  };

  // The language host fails a deployment on any error of the program, including rejections no
  // one awaited (an apply() that throws); so does this runner.
  const failures: unknown[] = [];
  const recordFailure = (reason: unknown): void => {
    failures.push(reason);
  };
  const registered: Omit<RegisteredResource, keyof RecordedOptions>[] = [];
  const recordedOptions = new Map<string, RecordedOptions>();
  const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
      registered.push({
        type: args.type,
        name: args.name,
        inputs: args.inputs as Record<string, unknown>,
        importId: args.id || undefined,
        custom: args.custom ?? true,
      });
      return mockResourceState(cloud, args);
    },
    call(args) {
      try {
        return mockCall(cloud, args);
      } catch (failure) {
        // The SDK reports a failed invoke without its message; keep the mock's own words.
        recordFailure(failure);
        throw failure;
      }
    },
  };

  pulumi.runtime.setAllConfig(engine);
  await pulumi.runtime.setMocks(
    mocks,
    files.project,
    options.stack,
    false,
    MOCK_ORGANIZATION,
  );

  const withOptions = (): RegisteredResource[] =>
    registered.map((resource) => {
      const recorded = recordedOptions.get(`${resource.type}::${resource.name}`);
      return {
        ...resource,
        protect: recorded?.protect ?? false,
        retainOnDelete: recorded?.retainOnDelete ?? false,
        dependsOn: recorded?.dependsOn ?? [],
        ...(recorded?.ignoreChanges ? { ignoreChanges: recorded.ignoreChanges } : {}),
        ...(recorded?.customTimeouts ? { customTimeouts: recorded.customTimeouts } : {}),
      };
    });

  process.on("unhandledRejection", recordFailure);
  // The language host runs a program in its project's folder (pulumi/pulumi pkg/engine/project.go, getPwdMain).
  const workingDirectory = process.cwd();
  process.chdir(options.stackDir);
  let outputs: unknown;
  try {
    // Runs the program inside a root Stack resource, as the Pulumi language host does, so stack
    // transformations (the tagging) apply exactly as in a real deployment; setMocks alone creates
    // no root Stack (pulumi/pulumi#4669, whose workaround this is).
    outputs = await pulumi.runtime.runInPulumiStack(async () => {
      // SDK-side, so it sees every resource's options under mocks; the engine-side
      // registerResourceTransform is never run by mocks (pulumi/pulumi#17090).
      pulumi.runtime.registerStackTransformation((args) => {
        const opts = args.opts as pulumi.CustomResourceOptions;
        recordedOptions.set(`${args.type}::${args.name}`, {
          protect: opts.protect === true,
          retainOnDelete: opts.retainOnDelete === true,
          ignoreChanges: opts.ignoreChanges,
          customTimeouts: opts.customTimeouts,
          dependsOn: dependsOnIds(opts.dependsOn),
        });
        return undefined;
      });
      try {
        return await options.program();
      } catch (failure) {
        recordFailure(failure);
        return {};
      }
    });
    await waitForPendingRegistrations();
  } catch (failure) {
    recordFailure(failure);
  } finally {
    process.chdir(workingDirectory);
    process.off("unhandledRejection", recordFailure);
  }
  if (failures.length > 0) {
    throw new ProgramRunFailure(failures[0], withOptions());
  }

  const resources = withOptions();
  return {
    project: files.project,
    stack: options.stack,
    config,
    resources,
    outputs: (outputs ?? {}) as Record<string, unknown>,
  };
}

/**
 * Runs a stack's real program under `pulumi.runtime.setMocks` with the configuration of its
 * `Pulumi.<stack>.yaml`, and returns every registered resource and the stack outputs.
 */
export function runProgram(options: RunOptions): Promise<ProgramRun> {
  const run = queue.then(() => runExclusive(options));
  queue = run.catch(() => undefined);
  return run;
}

/** The failure of a run that must fail (bad input); a run that succeeds is an error itself. */
export async function expectRunFailure(run: Promise<ProgramRun>): Promise<ProgramRunFailure> {
  const outcome = await run.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof ProgramRunFailure)) {
    throw new Error(outcome === undefined ? "the program ran although its input is bad" : `unexpected error: ${(outcome as Error).message}`);
  }
  return outcome;
}
