import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { fixtureServer } from "./fixture-helpers.ts";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");

async function crawl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [tsx, "scripts/crawl.ts", ...args], { env: { ...process.env, CATALOG_TODAY: "2026-11-29" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function definitions(files: Record<string, string>): { servers: string; catalog: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), "crawl-cli-"));
  const servers = path.join(root, "servers");
  mkdirSync(servers);
  for (const [id, text] of Object.entries(files)) writeFileSync(path.join(servers, `${id}.md`), text);
  return { servers, catalog: path.join(root, "catalog") };
}

const fixture = (mode: string) => `---
name: Fixture
summary: Test server.
homepage: https://example.org
repository: https://example.org/r
command: node
args: ["${fixtureServer}"]
env: { FIXTURE_MODE: ${mode} }
---
`;

describe("the crawl command", () => {
  it("exits 0 and prints a summary table when every server is crawled", async () => {
    const dirs = definitions({ good: fixture("normal") });
    const result = await crawl(["--servers", dirs.servers, "--catalog", dirs.catalog]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^server\s+status\s+tools/m);
    expect(result.stdout).toContain("1 servers, 1 ok, 0 failed, 3 tools");
    expect(result.stderr).toMatch(/✓ good {2}3 tools in \d+\.\ds \(changed\)/);
  });

  it("crawls only the servers whose package is a devDependency at its pinned version with --bundled, and says so", async () => {
    const pinned = (name: string, version: string) => `---
name: Pinned
summary: Test server.
homepage: https://example.org
repository: https://example.org/r
package:
  registry: npm
  name: "${name}"
  version: ${version}
args: ["stdio"]
---
`;
    const dirs = definitions({
      everything: pinned("@modelcontextprotocol/server-everything", "2026.8.31"),
      // Not a devDependency: it would need an install (and the network), so --bundled leaves it alone.
      elsewhere: pinned("some-unbundled-mcp-server", "1.0.0"),
      // A devDependency at another version is not the bundled copy either.
      older: pinned("@modelcontextprotocol/server-everything", "2025.1.1"),
    });
    const result = await crawl(["--servers", dirs.servers, "--catalog", dirs.catalog, "--bundled"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("re-crawling the 1 bundled servers (everything)");
    expect(result.stderr).toContain("the other 2 keep their committed catalog files");
    expect(result.stdout).toContain("1 servers, 1 ok, 0 failed");
    expect(existsSync(path.join(dirs.catalog, "everything.json"))).toBe(true);
    expect(existsSync(path.join(dirs.catalog, "elsewhere.json"))).toBe(false);
  });

  it("exits 2 when --bundled and --only are both given", async () => {
    const dirs = definitions({ good: fixture("normal") });
    const result = await crawl(["--servers", dirs.servers, "--catalog", dirs.catalog, "--bundled", "--only", "good"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--bundled chooses the servers itself");
  });

  it("exits 2 on an unknown option, naming it", async () => {
    const result = await crawl(["--bogus"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--bogus'");
  });

  it("exits 2 when --only names a server with no definition", async () => {
    const dirs = definitions({ good: fixture("normal") });
    const result = await crawl(["--servers", dirs.servers, "--catalog", dirs.catalog, "--only", "missing"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--only names "missing", which has no definition');
  });

  it("exits 2 on a bad --concurrency", async () => {
    const result = await crawl(["--concurrency", "zero"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--concurrency must be an integer from 1 to 64, got "zero"');
  });

  it("exits 3 when a definition is invalid, after crawling the valid ones", async () => {
    const dirs = definitions({ good: fixture("normal"), bad: "---\nname: 5\n---\n" });
    const result = await crawl(["--servers", dirs.servers, "--catalog", dirs.catalog]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`invalid definition: ${path.join(dirs.servers, "bad.md")}:2: name: expected string, got number`);
    expect(result.stdout).toContain("1 servers, 1 ok");
  });

  it("exits 4 when a server fails, and --json prints the run report with the failure code", async () => {
    const dirs = definitions({ dies: fixture("die-during-list") });
    const result = await crawl(["--servers", dirs.servers, "--catalog", dirs.catalog, "--json"]);
    expect(result.code).toBe(4);
    const report = JSON.parse(result.stdout);
    expect(report.exitCode).toBe(4);
    expect(report.servers[0]).toMatchObject({ id: "dies", status: "failed", error: { code: "SERVER_EXITED" } });
  });

  it("--strict turns dropped tools and warnings into exit 4", async () => {
    const dirs = definitions({ messy: fixture("malformed-tools") });
    expect((await crawl(["--servers", dirs.servers, "--catalog", dirs.catalog])).code).toBe(0);
    expect((await crawl(["--servers", dirs.servers, "--catalog", dirs.catalog, "--strict"])).code).toBe(4);
  });

  it("the stderr printed for a failed server keeps its first error line, even when more than ten lines follow it", async () => {
    const dirs = definitions({ crash: fixture("crash-with-noise") });
    const result = await crawl(["--servers", dirs.servers, "--catalog", dirs.catalog]);
    expect(result.code).toBe(4);
    const shown = result.stdout.split("--- crash stderr (first error line and last lines) ---\n")[1]!.trimEnd().split("\n");
    expect(shown[0]).toBe("Error [ERR_MODULE_NOT_FOUND]: Cannot find module '${CATALOG_SANDBOX}/dist/index.js' imported from ${CATALOG_PROJECT}/test/fixtures/servers/misbehaving-server.mjs");
    expect(shown[1]).toBe("…");
    expect(shown.slice(2)).toHaveLength(10);
    expect(shown.at(-1)).toBe("shutting down ? <script>alert(1)</script>");
  });
});
