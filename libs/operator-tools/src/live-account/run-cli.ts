import { ConfigError, StackFileError } from "@dynamodb-platform/platform";
import { LiveAccountError } from "./live-account-error";

/**
 * Runs a tool's main and sets the exit code. Known failures (bad config, AWS errors) print one
 * line on stderr and exit 2; anything else is a bug and keeps its stack trace.
 */
export function runCli(tool: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof LiveAccountError || error instanceof ConfigError || error instanceof StackFileError) {
        console.error(`${tool}: ${error.message}`);
        process.exitCode = 2;
        return;
      }
      throw error;
    },
  );
}
