import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { EnforcementLevel, type AnalyzerInfo } from "@pulumi/pulumi/proto/analyzer_pb";

const WORKSPACE = path.join(__dirname, "..", "..", "..");

/** The policy names the policy pack's decision record documents (its table's first column, in backticks). */
function documentedPolicies(): string[] {
  const page = fs.readFileSync(path.join(WORKSPACE, "docs", "decisions", "policy-pack.md"), "utf8");
  const table = page.slice(page.indexOf("| policy | rule |"), page.indexOf("\n\n", page.indexOf("| policy | rule |")));
  return [...table.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((match) => match[1]).sort();
}

async function startPack(): Promise<{ child: ChildProcess; port: string }> {
  const child = spawn(process.execPath, ["index.js"], { cwd: path.join(WORKSPACE, "libs", "policies", "pack"), stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no port within 30 s; stderr: ${stderr}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      clearTimeout(timer);
      resolve(chunk.toString().trim());
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code}; stderr: ${stderr}`)));
  });
  return { child, port };
}

/**
 * The pack the Nx preview/deploy targets pass with --policy-pack. Its entry is started as the Pulumi CLI starts it (a child process serving the analyzer
 * gRPC protocol, never imported), and asked what the CLI asks first: GetAnalyzerInfo.
 */
test("the pack serves exactly the documented policies, all mandatory", async () => {
  const { child, port } = await startPack();
  try {
    const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const info = await new Promise<AnalyzerInfo>((resolve, reject) =>
      client.getAnalyzerInfo(new Empty(), (error, response) => (error ? reject(error) : resolve(response))),
    );
    client.close();
    const served = info.getPoliciesList().map((policy) => ({ name: policy.getName(), mandatory: policy.getEnforcementlevel() === EnforcementLevel.MANDATORY }));
    expect(served.map((policy) => policy.name).sort()).toEqual(documentedPolicies());
    expect(served.filter((policy) => !policy.mandatory)).toEqual([]);
    expect(documentedPolicies().length).toBeGreaterThanOrEqual(12);
  } finally {
    child.kill();
  }
}, 40_000);
