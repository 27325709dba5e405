import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parsePreviewDocument } from "@dynamodb-platform/replacement-guard";
import { driftVerdict } from "../../src/drift-report";
import { CLEAN, DRIFTED } from "./preview-documents";

const document = (value: object) => parsePreviewDocument(JSON.stringify(value));

describe("the verdict on one stack's refreshed preview", () => {
  test("drift names the stack and every resource that differs, once each, with its steps and properties", () => {
    expect(driftVerdict("dynamodb-monitoring/prod", 255, document(DRIFTED))).toEqual({
      drifted: true,
      lines: [
        "Drift: stack dynamodb-monitoring/prod differs from the code in 2 resources (changed outside the code, or code not yet deployed):",
        "  systemerrors-events-prod (aws:cloudwatch/metricAlarm:MetricAlarm): update [threshold]",
        "  alarms-dynamodb-prod (aws:sns/topicPolicy:TopicPolicy): delete, create",
      ],
    });
  });

  test("refreshed and unchanged resources are no drift", () => {
    expect(driftVerdict("dynamodb-monitoring/prod", 0, document(CLEAN))).toEqual({ drifted: false, lines: ["No drift: stack dynamodb-monitoring/prod matches the code."] });
  });

  test("a failed preview is never 'no drift': without a document, or with a clean one and a non-zero exit", () => {
    expect(driftVerdict("dynamodb-data/prod", 255, undefined)).toEqual({ drifted: true, lines: [expect.stringMatching(/^Drift check of dynamodb-data\/prod failed: pulumi preview exited 255 and wrote no preview document/) as unknown] });
    expect(driftVerdict("dynamodb-data/prod", 1, document(CLEAN)).drifted).toBe(true);
  });
});

describe("drift-report, as the stacks' drift target runs it in a stack folder", () => {
  const CLI = path.resolve(__dirname, "..", "..", "src", "drift-report", "cli.ts");
  let folder: string;
  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "drift-report-"));
    fs.writeFileSync(path.join(folder, "Pulumi.yaml"), "name: dynamodb-monitoring\nruntime: nodejs\n");
  });
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  const run = (previewExit: string, text: string | undefined) => {
    const file = path.join(folder, "drift.prod.json");
    if (text === undefined) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, text);
    const { status, stdout, stderr } = spawnSync(process.execPath, ["--require", "@swc-node/register", CLI, "--stack", "prod", "--preview-exit", previewExit, file], {
      cwd: folder,
      encoding: "utf8",
      env: { ...process.env, NODE_PATH: path.resolve(__dirname, "..", "..", "..", "..", "node_modules") },
    });
    return { status, stdout, stderr };
  };

  test("drift: exit 1, the stack and the resources on stderr", () => {
    const result = run("255", JSON.stringify(DRIFTED));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Drift: stack dynamodb-monitoring/prod differs from the code in 2 resources");
    expect(result.stderr).toContain("systemerrors-events-prod (aws:cloudwatch/metricAlarm:MetricAlarm): update [threshold]");
  });

  test("no drift: exit 0", () => {
    expect(run("0", JSON.stringify(CLEAN))).toEqual({ status: 0, stdout: "No drift: stack dynamodb-monitoring/prod matches the code.\n", stderr: "" });
  });

  test("a preview that wrote nothing (an engine or credentials error): exit 1", () => {
    const result = run("255", "");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Drift check of dynamodb-monitoring\/prod failed: pulumi preview exited 255/);
  });
});
