import { spawn } from "node:child_process";
import * as path from "node:path";

/**
 * The pack's entry starts the analyzer's gRPC server, as the Pulumi CLI runs it; it is started
 * here in a child process (never imported) to prove it loads the policies and serves.
 */
test("the pack entry loads every policy and starts the analyzer server", async () => {
  const packDir = path.join(__dirname, "..", "pack");
  const child = spawn(process.execPath, ["index.js"], { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no port within 30 s; stderr: ${stderr}`)), 30_000);
    child.stdout.on("data", (chunk: Buffer) => {
      clearTimeout(timer);
      resolve(chunk.toString().trim());
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code}; stderr: ${stderr}`)));
  });
  child.kill();
  expect(port).toMatch(/^\d+$/);
}, 40_000);
