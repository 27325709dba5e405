import { execFileSync } from "node:child_process";

/**
 * The files changed on the way from `base` to `head`, as paths from the repository root: from
 * their merge base, as Nx's own `--base/--head` does, so commits that reached `base` after `head`
 * branched off are not counted. Without rename detection, so a moved file counts at both paths.
 * (nx 23.2.1 src/utils/command-line-utils.ts: getMergeBase, then getFilesUsingBaseAndHead's
 * `git diff --name-only --no-renames`.)
 */
export function changedFilesBetween(root: string, base: string, head: string): string[] {
  const git = (args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  for (const [name, sha] of [["--base", base], ["--head", head]]) {
    try {
      git(["rev-parse", "--verify", "--quiet", `${sha}^{commit}`]);
    } catch {
      throw new Error(`${name} ${sha} is not a commit of this repository (fetch the full history, e.g. actions/checkout with fetch-depth: 0)`);
    }
  }
  const from = git(["merge-base", base, head]).trim();
  return git(["diff", "--name-only", "--no-renames", from, head]).split("\n").filter(Boolean);
}
