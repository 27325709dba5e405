import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as path from "node:path";

/**
 * A real AWS API implementation for tests: `moto_server` (moto 5, Python; `pip install
 * "moto[server]"`) started on a free 127.0.0.1 port, behind a small proxy that can answer a call
 * itself (a recorded response for what moto does not implement, or an injected fault) or rewrite
 * moto's answer. The AWS SDK v3 reaches it through AWS_ENDPOINT_URL; nothing leaves the machine.
 */
export interface Moto {
  /** The proxy's URL, for AWS_ENDPOINT_URL. */
  readonly endpoint: string;
  /** Answer or rewrite calls of one operation (`DescribeTable`, `GetTopicAttributes`, ...); rules are tried newest first. */
  readonly on: (operation: string, rule: Rule) => void;
  /** Forgets every rule and every recorded call. */
  readonly reset: () => void;
  /** Empties moto: every resource of every service is gone (moto's POST /moto-api/reset). */
  readonly resetState: () => Promise<void>;
  /** Every operation the proxy saw, in order, with whether a rule answered it. */
  readonly calls: () => readonly SeenCall[];
  readonly stop: () => Promise<void>;
}

export interface SeenCall {
  readonly operation: string;
  readonly answeredBy: "moto" | "rule";
}

/** What a rule may do with one call: answer it, let moto answer and rewrite the JSON body, or pass. */
export type Rule = (call: { readonly operation: string; readonly body: string; readonly protocol: WireProtocol }) => Answer | Rewrite | undefined;
export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}
export interface Rewrite {
  readonly rewrite: (json: Record<string, unknown>) => Record<string, unknown>;
}

/** JSON 1.0/1.1 (DynamoDB, KMS, CloudWatch: `X-Amz-Target`) or the query protocol (IAM, SNS: `Action=`). */
export type WireProtocol = "json" | "query";

/**
 * An AWS error in the call's wire protocol, as the SDK parses it: JSON protocols carry
 * `__type` (and CloudWatch, a query-compatible JSON service, the `x-amzn-query-error` code); the
 * query protocol an `<ErrorResponse>` XML body (Smithy aws protocols: awsJson1_0, awsQuery,
 * awsQueryCompatible error serialization).
 */
export function awsErrorAnswer(protocol: WireProtocol, code: string, message: string, status = 400): Answer {
  if (protocol === "json") {
    return {
      status,
      body: JSON.stringify({ __type: code, message }),
      headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-query-error": `${code};Sender` },
    };
  }
  return {
    status,
    body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`,
    headers: { "content-type": "text/xml" },
  };
}

/**
 * The DescribeKey rule for the key behind alias/aws/dynamodb (`keyId`, moto's id for it): moto
 * creates that key as customer managed (KeyManager CUSTOMER); in AWS it is AWS managed (KMS API
 * reference, KeyMetadata KeyManager: "AWS" for AWS managed keys; DynamoDB Developer Guide,
 * encryption at rest: the AWS managed key alias/aws/dynamodb). Its answer is moto's metadata with
 * AWS's KeyManager; other keys pass through.
 */
export function awsManagedDynamoDbKey(keyId: string | undefined): Rule {
  return ({ body }) => {
    const asked = (JSON.parse(body) as { KeyId: string }).KeyId;
    if (keyId === undefined || !asked.endsWith(keyId)) return undefined;
    return { rewrite: (json) => ({ ...json, KeyMetadata: { ...(json["KeyMetadata"] as object), KeyManager: "AWS" } }) };
  };
}

/** Answers the first `times` calls with `answer`, then lets the call through. */
export function firstCalls(times: number, answer: (protocol: WireProtocol) => Answer): Rule {
  let left = times;
  return ({ protocol }) => (left-- > 0 ? answer(protocol) : undefined);
}

/** True when `moto_server` is an executable file on PATH, where spawn finds it; looked up without starting Python. */
export function motoInstalled(): boolean {
  const name = process.platform === "win32" ? "moto_server.exe" : "moto_server";
  return (process.env["PATH"] ?? "").split(path.delimiter).some((folder) => {
    if (folder === "") return false;
    const candidate = path.join(folder, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return fs.statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * Whether the moto tier runs here: yes with moto installed; without it, the tier is skipped on a
 * developer machine and fails in CI (`CI=true`), where moto is part of the toolchain.
 */
export function motoTier(): boolean {
  if (motoInstalled()) return true;
  if (process.env["CI"] === "true") {
    throw new Error('moto_server is not installed, and CI must run the moto tier: pip install "moto[server]" (see docs/testing-against-moto.md)');
  }
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(port: number, child?: ChildProcess): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (child && child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode} before it answered`);
    const up = await new Promise<boolean>((resolve) => {
      const request = http.get({ host: "127.0.0.1", port, path: "/moto-api/" }, (response) => {
        response.resume();
        resolve((response.statusCode ?? 500) < 500);
      });
      request.on("error", () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("moto_server did not answer within 30 s");
}

/**
 * Lambda's REST operations the tools call, by method and path (Lambda API reference,
 * ListEventSourceMappings: GET /2015-03-31/event-source-mappings/). Its restJson1 errors carry
 * `__type` in the JSON body as JSON 1.0 does, so they are answered as "json".
 */
const REST_OPERATIONS: readonly { method: string; path: RegExp; operation: string }[] = [
  { method: "GET", path: /^\/2015-03-31\/event-source-mappings\/?(\?|$)/, operation: "ListEventSourceMappings" },
];

function operationOf(request: http.IncomingMessage, body: string): { operation: string; protocol: WireProtocol } {
  const target = request.headers["x-amz-target"];
  if (typeof target === "string") return { operation: target.split(".").pop() ?? target, protocol: "json" };
  const rest = REST_OPERATIONS.find((candidate) => candidate.method === request.method && candidate.path.test(request.url ?? ""));
  if (rest) return { operation: rest.operation, protocol: "json" };
  return { operation: new URLSearchParams(body).get("Action") ?? "(unknown)", protocol: "query" };
}

function forward(port: number, request: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const upstream = http.request({ host: "127.0.0.1", port, method: request.method, path: request.url, headers: request.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 500, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    upstream.on("error", reject);
    upstream.end(body);
  });
}

/**
 * The port of a moto_server a jest global setup started for the test files of one run that go one
 * after another (startSharedMotoServer); unset, each file starts its own.
 */
const SHARED_MOTO_PORT = "MOTO_SHARED_PORT";

async function spawnMotoServer(): Promise<{ port: number; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  // On PATH is not enough (a pipx shim whose Python is gone): a failed start is one clear error, not an uncaught one.
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", (error) => reject(new Error(`moto_server could not be started: ${error.message}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  return { port, child, stop };
}

/**
 * Starts one moto_server for every test file of a jest run that runs its files one at a time, and
 * hands its port to them in SHARED_MOTO_PORT: one Python start-up instead of one per file. It does
 * not wait for moto to answer (startMoto does). Each file still has its own proxy and starts from
 * an empty moto. Returns how to stop it.
 */
export async function startSharedMotoServer(): Promise<() => Promise<void>> {
  const server = await spawnMotoServer();
  process.env[SHARED_MOTO_PORT] = String(server.port);
  return async () => {
    delete process.env[SHARED_MOTO_PORT];
    await server.stop();
  };
}

/**
 * Starts the proxy in front of an empty moto_server: the run's shared one (SHARED_MOTO_PORT),
 * emptied, or else one of its own on a free port; `stop` ends the proxy and the server it started.
 */
export async function startMoto(): Promise<Moto> {
  const shared = Number(process.env[SHARED_MOTO_PORT] ?? "");
  const server = shared > 0 ? { port: shared, child: undefined, stop: () => Promise.resolve() } : await spawnMotoServer();
  const motoPort = server.port;
  await waitUntilUp(motoPort, server.child);
  const rules = new Map<string, Rule[]>();
  let seen: SeenCall[] = [];
  const proxy = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      const body = raw.toString("utf8");
      const { operation, protocol } = operationOf(request, body);
      let rewrite: Rewrite["rewrite"] | undefined;
      for (const rule of [...(rules.get(operation) ?? [])].reverse()) {
        const outcome = rule({ operation, body, protocol });
        if (outcome && "status" in outcome) {
          seen.push({ operation, answeredBy: "rule" });
          response.writeHead(outcome.status, { "x-amzn-requestid": "proxy", ...(outcome.headers ?? { "content-type": "application/x-amz-json-1.0" }) });
          response.end(outcome.body);
          return;
        }
        if (outcome) {
          rewrite = outcome.rewrite;
          break;
        }
      }
      seen.push({ operation, answeredBy: "moto" });
      forward(motoPort, request, raw).then(
        (answer) => {
          let out = answer.body;
          if (rewrite) out = Buffer.from(JSON.stringify(rewrite(JSON.parse(answer.body.toString("utf8")) as Record<string, unknown>)));
          const headers = { ...answer.headers, "content-length": String(out.length) };
          delete headers["transfer-encoding"];
          response.writeHead(answer.status, headers);
          response.end(out);
        },
        (error: Error) => {
          response.writeHead(502);
          response.end(error.message);
        },
      );
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as net.AddressInfo;
  const resetState = () =>
    new Promise<void>((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port: motoPort, method: "POST", path: "/moto-api/reset" }, (response) => {
        response.resume();
        response.on("end", () => resolve());
      });
      request.on("error", reject);
      request.end();
    });
  // A shared server holds what the file before left.
  if (shared > 0) await resetState();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    on: (operation, rule) => rules.set(operation, [...(rules.get(operation) ?? []), rule]),
    reset: () => {
      rules.clear();
      seen = [];
    },
    calls: () => seen,
    resetState,
    stop: async () => {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await server.stop();
    },
  };
}

/**
 * Points the AWS SDK v3 of this process at `endpoint` with moto's dummy credentials (moto accepts
 * any), and returns a function that puts the environment back.
 */
export function useEndpoint(endpoint: string): () => void {
  const keys = ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"] as const;
  const saved = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
  process.env["AWS_ENDPOINT_URL"] = endpoint;
  process.env["AWS_ACCESS_KEY_ID"] = "testing";
  process.env["AWS_SECRET_ACCESS_KEY"] = "testing";
  delete process.env["AWS_SESSION_TOKEN"];
  delete process.env["AWS_PROFILE"];
  return () => {
    for (const key of keys) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  };
}
