import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePolicy } from "../../src/policy/index.ts";
import { risks } from "../../src/classify/verdict-schema.ts";
import { fixtureServer } from "../crawl/fixture-helpers.ts";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
const secretServer = path.resolve("test/fixtures/servers/secret-echo-server.mjs");
const referenceServer = (name: string) => path.resolve("node_modules/@modelcontextprotocol", name, "dist/index.js");

async function scan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [tsx, "scripts/scan.ts", ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const policyFile = () => path.join(mkdtempSync(path.join(os.tmpdir(), "scan-policy-")), "server.policy.yaml");

/** The risk column of the table, top to bottom. */
const riskColumn = (table: string) => table.split("\n").filter((line) => /\s(Low|Medium|High|Critical)\s/.test(line)).map((line) => risks.find((r) => line.includes(`  ${r}  `))!);

describe("npm run scan over stdio", () => {
  it("prints every tool of a fixture server with category, risk, confidence and parameter counts", async () => {
    const result = await scan(["--", process.execPath, fixtureServer]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("misbehaving-fixture 1.0.0: 3 tools, highest risk first");
    expect(result.stdout).toMatch(/^tool\s+category\s+risk\s+confidence\s+parameters\s+flags$/m);
    expect(result.stdout).toMatch(/^gamma\s+Read\s+Low\s+high\s+1 of 1 parameter required\s+-$/m);
  });

  it("sorts the real filesystem server's 14 tools from the highest risk down, with no flag written as its bare id", async () => {
    const result = await scan(["--", process.execPath, referenceServer("server-filesystem"), os.tmpdir()]);
    expect(result.code).toBe(0);
    const column = riskColumn(result.stdout);
    expect(column).toHaveLength(14);
    const ranks = column.map((r) => risks.indexOf(r));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(ranks[0]).toBeGreaterThan(ranks.at(-1)!);
    expect(result.stdout).not.toMatch(/annotation-conflict|no-description|broken-schema/);
  });

  it("writes a recommended policy the project's validator accepts, with a verdict and reason above every tool", async () => {
    const file = policyFile();
    const result = await scan(["--policy", file, "--default", "deny", "--", process.execPath, referenceServer("server-filesystem"), os.tmpdir()]);
    expect(result.code).toBe(0);
    const yaml = readFileSync(file, "utf8");
    const json = await scan(["--json", "--", process.execPath, referenceServer("server-filesystem"), os.tmpdir()]);
    const names = (JSON.parse(json.stdout) as { tools: { name: string }[] }).tools.map((t) => t.name);
    const validation = validatePolicy(yaml, { tools: names });
    expect(validation.findings).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(validation.policy.default).toBe("deny");
    const lines = yaml.split("\n");
    for (const name of names) {
      const at = lines.findIndex((line) => line === `  ${name}:` || line === `  - ${name}`);
      expect(at, name).toBeGreaterThan(0);
      const comment = lines.slice(0, at).reverse().find((line) => line.trim().startsWith("#") || line.startsWith("  ") === false);
      expect(comment, name).toMatch(/^\s*# (Read|Write|Execute|Destructive|Financial), (Low|Medium|High|Critical) risk.*\. Classified with (high|moderate|low) confidence\.$/);
    }
  });

  it("prints the tool list and the verdicts as JSON, salvaging malformed tools and keeping hostile names verbatim", async () => {
    const result = await scan(["--json", "--env", "FIXTURE_MODE=malformed-tools", "--", process.execPath, fixtureServer]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { tools: { name: string }[]; verdicts: { name: string; risk: string; parameters: object }[]; dropped: { index: number }[] };
    expect(report.tools.map((t) => t.name)).toContain("<script>alert(1)</script>");
    expect(report.verdicts.map((v) => v.name)).toEqual(report.tools.map((t) => t.name));
    expect(report.dropped.map((d) => d.index)).toEqual([1, 2, 5, 6, 8]);
    expect(result.stderr.trim().split("\n")).toHaveLength(5);
    expect(result.stderr).toContain("scan: warning: dropped the tool at index 2 (bad_schema)");
  });

  it("never prints or writes an --env value, even when the server echoes it in a name, a description and stderr", async () => {
    const secret = "tok-9f8e7d6c5b";
    const file = policyFile();
    for (const args of [["--json"], ["--policy", file], []]) {
      const result = await scan([...args, "--env", `SCAN_TOKEN=${secret}`, "--", process.execPath, secretServer]);
      expect(result.code).toBe(0);
      expect(result.stdout + result.stderr).not.toContain(secret);
      expect(result.stdout + result.stderr).not.toContain("9f8e7d6c5b");
    }
    const yaml = readFileSync(file, "utf8");
    expect(yaml).not.toContain(secret);
    expect(yaml).toContain("lookup_[SCAN_TOKEN]");
    expect(validatePolicy(yaml).valid).toBe(true);
    const failed = await scan(["--env", `SCAN_TOKEN=${secret}`, "--env", "SECRET_MODE=die-after-leak", "--", process.execPath, secretServer]);
    expect(failed.code).toBe(4);
    expect(failed.stderr).toBe("scan: SERVER_EXITED: the server exited with code 1 during tools/list; its stderr ends: Error: token [SCAN_TOKEN] was refused\n");
  });
});

describe("npm run scan failures", () => {
  it.each([
    [["--", "/nonexistent/mcp-server"], "scan: SPAWN_FAILED: could not start /nonexistent/mcp-server: spawn /nonexistent/mcp-server ENOENT\n"],
    [["--timeout", "1", "--env", "FIXTURE_MODE=hang-initialize", "--", process.execPath, fixtureServer], /^scan: CONNECT_TIMEOUT: initialize got no answer: .*\n$/],
  ])("a server that cannot be listed exits 4 with one line saying why (%j)", async (args, expected) => {
    const result = await scan(args as string[]);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe("");
    if (typeof expected === "string") expect(result.stderr).toBe(expected);
    else expect(result.stderr).toMatch(expected);
  });

  it("a server that logs its error, then more, and exits is reported by its error line and its last line, on one line", async () => {
    // crash-with-noise prints an import error, its stack, 15 cleanup lines and a last line with terminal escapes.
    const home = mkdtempSync(path.join(os.tmpdir(), "scan-crash-"));
    const result = await scan(["--env", "FIXTURE_MODE=crash-with-noise", "--env", `HOME=${home}`, "--", process.execPath, fixtureServer]);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toHaveLength(2);
    expect(result.stderr).toMatch(
      /^scan: SERVER_EXITED: the server exited with code 1 during initialize; its stderr says: Error \[ERR_MODULE_NOT_FOUND\]: Cannot find module '\[HOME\]\/dist\/index\.js' imported from \S+ … and ends: shutting down \? <script>alert\(1\)<\/script>\n$/,
    );
    expect(result.stderr).not.toContain("cleanup step");
    expect(result.stderr).not.toContain("\x1b");
  });

  it.each([
    [[], "scan: nothing to scan: give a command after -- or a --url"],
    [["--default", "maybe", "--", "node"], 'scan: --default must be allow or deny, got "maybe"'],
    [["--env", "NOEQUALS-secret", "--", "node"], "scan: --env expects NAME=VALUE"],
    [["--url", "ftp://example.org"], "scan: --url must be an http:// or https:// address"],
    [["--bogus"], "scan: Unknown option '--bogus'"],
  ])("bad usage exits 2 and says what was expected (%j)", async (args, message) => {
    const result = await scan(args);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stderr).not.toContain("NOEQUALS-secret");
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startEverything(mode: "streamableHttp" | "sse"): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, [referenceServer("server-everything"), mode], { env: { PATH: process.env.PATH ?? "", PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server-everything ${mode} did not start`)), 15_000);
    const onData = (chunk: Buffer) => {
      if (/listening|running|port/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server-everything exited with ${code}`)));
  });
  return { child, port };
}

describe("npm run scan over HTTP against server-everything on 127.0.0.1", () => {
  let streamable: { child: ChildProcess; port: number };
  let sse: { child: ChildProcess; port: number };
  beforeAll(async () => {
    [streamable, sse] = await Promise.all([startEverything("streamableHttp"), startEverything("sse")]);
  }, 40_000);
  afterAll(() => {
    streamable?.child.kill("SIGKILL");
    sse?.child.kill("SIGKILL");
  });

  it("lists its 13 tools over Streamable HTTP and never prints a --header value", async () => {
    const result = await scan(["--json", "--url", `http://127.0.0.1:${streamable.port}/mcp`, "--header", "Authorization: Bearer hdr-secret-42"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { transport: string; verdicts: unknown[] };
    expect(report.transport).toBe("streamable-http");
    expect(report.verdicts).toHaveLength(13);
    expect(result.stdout + result.stderr).not.toContain("hdr-secret-42");
  });

  it("falls back to SSE for a server that only speaks the older transport, and writes a valid policy", async () => {
    const file = policyFile();
    const result = await scan(["--policy", file, "--url", `http://127.0.0.1:${sse.port}/sse`]);
    expect(result.code).toBe(0);
    expect(riskColumn(result.stdout)).toHaveLength(13);
    const validation = validatePolicy(readFileSync(file, "utf8"));
    expect(validation.valid).toBe(true);
    expect(Object.keys(validation.policy.tools ?? {}).length + (validation.policy.hide ?? []).length).toBe(13);
  });

  it("a refused connection exits 4 with one line naming the address", async () => {
    const port = await freePort();
    const result = await scan(["--timeout", "3", "--url", `http://127.0.0.1:${port}/mcp`]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(new RegExp(`^scan: CONNECT_FAILED: .* \\(connecting to http://127\\.0\\.0\\.1:${port}/mcp\\)\\n$`));
  });
});
