import * as path from "node:path";
import { parseArgs } from "node:util";
import { changedFilesBetween } from "./changed-files";
import { deployableStacks, selectStacks, type SelectedStack } from "./select";
import { readWorkspace } from "./workspace";

export const USAGE = [
  "usage: npm run -s affected-stacks -- --base <sha> --head <sha> [--stack prod] [--explain]",
  "       npm run -s affected-stacks -- --files <path>... [--stack prod] [--explain]",
  "       npm run -s affected-stacks -- --all",
  "Prints the stacks to deploy, one per line, in deploy order.",
].join("\n");

export class UsageError extends Error {}

export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** Runs the command on the workspace at `root`; returns the exit code. */
export function main(argv: readonly string[], root: string, io: Io): number {
  let selected: SelectedStack[];
  let explain: boolean;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: {
        base: { type: "string" },
        head: { type: "string" },
        files: { type: "string", multiple: true },
        stack: { type: "string", default: "prod" },
        all: { type: "boolean", default: false },
        explain: { type: "boolean", default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    explain = values.explain;
    const byCommits = values.base !== undefined || values.head !== undefined;
    const byFiles = values.files !== undefined;
    if ([byCommits, byFiles, values.all].filter(Boolean).length !== 1) throw new UsageError("give either --base and --head, or --files, or --all");
    if (byCommits && (values.base === undefined || values.head === undefined)) throw new UsageError("--base and --head go together");
    if (!byFiles && positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (!/^[A-Za-z0-9_.-]+$/.test(values.stack)) throw new UsageError(`--stack '${values.stack}' is not a stack name`);
    const workspace = readWorkspace(root);
    if (values.all) {
      selected = deployableStacks(workspace).map((inputs) => ({ stack: path.posix.basename(inputs.project.root), project: inputs.project.name, because: ["--all"] }));
    } else {
      // `--files a b` and `--files a --files b` both work; so does a comma list, as in `nx --files`.
      const files = byFiles ? [...values.files!, ...positionals].flatMap((file) => file.split(",")).filter(Boolean) : changedFilesBetween(root, values.base!, values.head!);
      selected = selectStacks(workspace, files.map((file) => path.posix.normalize(file.replace(/^\.\//, ""))), values.stack);
    }
  } catch (error) {
    io.err(`affected-stacks: ${(error as Error).message}`);
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(USAGE);
      return 2;
    }
    return 1;
  }
  for (const { stack, because } of selected) {
    io.out(stack);
    if (explain) io.err(`${stack}: ${because.join("; ")}`);
  }
  return 0;
}
