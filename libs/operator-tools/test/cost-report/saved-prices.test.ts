import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { GetProductsCommand } from "@aws-sdk/client-pricing";
import type { CostReport } from "../../src/cost-report";
import { mockAccount, runTool } from "./fixtures/account";

const account = mockAccount();
beforeEach(() => account.reset());
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cost-report-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("prices saved with --save-prices repeat the run offline with --prices", async () => {
  const file = path.join(dir, "prices.json");
  const online = await runTool(["--stack", "prod", "--json", "--save-prices", file]);
  expect(online.code).toBe(0);

  account.pricing.resetHistory();
  account.pricing.on(GetProductsCommand).rejects(new Error("the Price List API must not be called"));
  const offline = await runTool(["--stack", "prod", "--json", "--prices", file]);
  expect(offline.code).toBe(0);
  expect(account.pricing.calls()).toHaveLength(0);

  const [a, b] = [online, offline].map((run) => JSON.parse(run.stdout) as CostReport);
  expect(b?.tables).toEqual(a?.tables);
  expect(b?.addedFeatures).toEqual(a?.addedFeatures);
  expect(b?.priceList).toEqual({ ...a?.priceList, source: `saved file ${file}` });
  expect(b?.priceList.fetchedAt).toBe("2026-07-15T10:30:00.000Z");
});

test("a price file of another region is refused", async () => {
  const file = path.join(dir, "us.json");
  fs.writeFileSync(file, JSON.stringify({ format: "dynamodb-platform/cost-report-prices@1", region: "us-east-1", fetchedAt: "2026-07-01T00:00:00Z", items: { AmazonDynamoDB: [], AmazonCloudWatch: [] } }));
  const result = await runTool(["--stack", "prod", "--prices", file]);
  expect(result.code).toBe(2);
  expect(result.stderr).toBe(`cost-report: --prices ${file}: it holds prices for us-east-1, the stack is in ap-southeast-2. Save the stack region's prices with --save-prices`);
  expect(account.dynamodb.calls()).toHaveLength(0);
});

test.each([
  ["missing", "nope.json", "it does not exist"],
  ["not JSON", "bad.json", "it is not JSON"],
])("a %s price file is refused", async (_, name, reason) => {
  const file = path.join(dir, name);
  if (name === "bad.json") fs.writeFileSync(file, "{ not json");
  const result = await runTool(["--stack", "prod", "--prices", file]);
  expect(result.code).toBe(2);
  expect(result.stderr).toBe(`cost-report: --prices ${file}: ${reason}. Save one first with --save-prices ${file}`);
});
