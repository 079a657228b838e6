import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCatalogServer } from "../../src/catalog/catalog-files.ts";
import type { CatalogServer, CatalogTool } from "../../src/catalog/catalog-schema.ts";
import type { Category, Risk } from "../../src/classify/verdict-schema.ts";

const run = promisify(execFile);
let dir = "";

function tool(name: string, category: Category, risk: Risk, parameters: CatalogTool["parameters"] = []): CatalogTool {
  return {
    slug: name.replace(/_/g, "-"),
    name,
    definition: { name, inputSchema: { type: "object" } },
    parameters,
    fingerprint: "0".repeat(64),
    firstSeen: "2026-03-01",
    lastChanged: "2026-03-01",
    verdict: {
      name,
      category,
      risk,
      confidence: "high",
      rationale: "Fixture.",
      signals: [],
      flags: [],
      parameters: { total: parameters.length, required: parameters.filter((p) => p.required).length },
    },
  };
}

const server: CatalogServer = {
  format: 1,
  id: "fixture-shop",
  name: "Fixture shop",
  summary: "A made-up server for CLI tests.",
  body: "",
  homepage: "https://example.com",
  repository: "https://example.com/repo",
  tags: [],
  launch: { transport: "stdio", command: "fixture", args: [], envNames: [] },
  crawl: { status: "ok", clientCapabilities: {}, pages: 1, warnings: [], dropped: [], lastChanged: "2026-03-01" },
  tools: [
    tool("create_issue", "Write", "Medium"),
    tool("create_refund", "Financial", "Critical", [{ name: "amount", type: "integer", required: true }]),
    tool("list_issues", "Read", "Low"),
  ],
};

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/policy.ts", ...args], { cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "policy-cli-"));
  await writeCatalogServer(path.join(dir, "catalog"), server);
  await writeFile(path.join(dir, "good.yaml"), `version: "1"\ntools:\n  create_issue:\n    rules:\n      - name: hourly issue limit\n        rate_limit: 2/hour\n`);
  await writeFile(path.join(dir, "typo.yaml"), `version: "1"\ntools:\n  create_isue:\n    rules:\n      - name: cap\n        rate-limit: 5/hour\n        action: deny\n`);
  await writeFile(path.join(dir, "bad.yaml"), `version: 1.0\ntools:\n  t:\n    rules:\n      - rate_limit: 5/week\n`);
  await writeFile(
    path.join(dir, "calls.json"),
    JSON.stringify([
      { tool: "create_issue", arguments: {}, time: "2026-03-02T14:00:00Z" },
      { tool: "create_issue", arguments: {}, time: "2026-03-02T14:30:00Z" },
      { tool: "create_issue", arguments: {}, time: "2026-03-02T14:59:59Z" },
      { tool: "create_issue", arguments: {}, time: "2026-03-02T15:00:00Z" },
    ]),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("policy CLI", () => {
  it("validate prints FILE:LINE:COL: severity: message (path) and exits 1 on errors", async () => {
    const file = path.join(dir, "bad.yaml");
    const result = await cli("validate", file);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n").filter(Boolean)).toEqual([
      `${file}:1:10: error: version must be "1", got "1.0" (version)`,
      `${file}:5:9: error: rule must have a name; add name: "<what this rule is for>" (tools.t.rules[0])`,
      `${file}:5:21: error: rate_limit window must be "minute", "hour", or "day", got "week" (tools.t.rules[0].rate_limit)`,
    ]);
  });

  it("validate --server checks tool names against the catalog and exits 0 on warnings only", async () => {
    const file = path.join(dir, "typo.yaml");
    const result = await cli("validate", file, "--server", "fixture-shop", "--catalog", path.join(dir, "catalog"));
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").filter(Boolean)).toEqual([
      `${file}:3:3: warning: the server exposes no tool named "create_isue", so this entry never applies; did you mean "create_issue"? (tools.create_isue)`,
      `${file}:6:9: warning: unknown key "rate-limit" is ignored by the proxy; did you mean "rate_limit"? (tools.create_isue.rules[0].rate-limit)`,
    ]);
  });

  it("validate of a clean policy prints nothing and exits 0", async () => {
    expect(await cli("validate", path.join(dir, "good.yaml"))).toMatchObject({ code: 0, stdout: "" });
  });

  it("recommend prints a policy that validates against the same server", async () => {
    const result = await cli("recommend", "fixture-shop", "--default", "deny", "--catalog", path.join(dir, "catalog"));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("default: deny");
    expect(result.stdout).toContain("increment_from: args.amount");
    await writeFile(path.join(dir, "recommended.yaml"), result.stdout);
    expect(await cli("validate", path.join(dir, "recommended.yaml"), "--server", "fixture-shop", "--catalog", path.join(dir, "catalog"))).toMatchObject({ code: 0, stdout: "" });
  });

  it("simulate prints each call's decision in order", async () => {
    const result = await cli("simulate", path.join(dir, "good.yaml"), "--calls", path.join(dir, "calls.json"));
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").filter(Boolean)).toEqual([
      "#1 2026-03-02T14:00:00.000Z create_issue: allowed",
      "#2 2026-03-02T14:30:00.000Z create_issue: allowed",
      '#3 2026-03-02T14:59:59.000Z create_issue: denied by "create_issue" rules[0] "hourly issue limit": [INTERCEPT POLICY DENIED] Rate limit of 2 per hour reached. Try again later.',
      "#4 2026-03-02T15:00:00.000Z create_issue: allowed",
    ]);
  });

  it.each<[string, string[], RegExp]>([
    ["no command", [], /a command is required/],
    ["an unknown command", ["frobnicate"], /unknown command "frobnicate"/],
    ["validate without files", ["validate"], /validate needs at least one policy file/],
    ["an unknown server", ["validate", "x.yaml", "--server", "nope", "--catalog", "/nonexistent"], /no catalog file for server "nope"/],
    ["a bad --default", ["recommend", "fixture-shop", "--default", "maybe"], /--default must be allow or deny/],
    ["simulate without --calls", ["simulate", "good.yaml"], /simulate needs --calls/],
    ["an unknown option", ["validate", "x.yaml", "--frobnicate"], /Unknown option '--frobnicate'/],
  ])("%s is a usage error: exit 2 with a clear message", async (_name, args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("usage:");
  });
});
