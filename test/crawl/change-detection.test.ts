import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { fixtureServer } from "./fixture-helpers.ts";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");

async function npmScript(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [tsx, script, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const crawl = (args: string[], env: Record<string, string> = {}) => npmScript("scripts/crawl.ts", args, env);

/** A workspace with the variant fixture, whose definitions come from FIXTURE_VARIANT (a or b). */
function variantWorkspace(extra: Record<string, string> = {}): { servers: string; catalog: string; root: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), "change-detection-"));
  const servers = path.join(root, "servers");
  mkdirSync(servers);
  const definition = (mode: string) => `---
name: Variant ${mode}
summary: A server whose tools change with FIXTURE_VARIANT.
homepage: https://example.org
repository: https://example.org/r
command: node
args: ["${fixtureServer}"]
env:
  FIXTURE_MODE: ${mode}
  FIXTURE_VARIANT: "\${FIXTURE_VARIANT}"
  FIXTURE_VERSION: "\${FIXTURE_VERSION}"
---
`;
  writeFileSync(path.join(servers, "variant.md"), definition("variant"));
  for (const [id, mode] of Object.entries(extra)) writeFileSync(path.join(servers, `${id}.md`), definition(mode));
  return { servers, catalog: path.join(root, "catalog"), root };
}

const variantA = { FIXTURE_VARIANT: "a", FIXTURE_VERSION: "1.0.0", CATALOG_TODAY: "2026-11-01" };
const variantB = { FIXTURE_VARIANT: "b", FIXTURE_VERSION: "1.0.0", CATALOG_TODAY: "2026-11-15" };

function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
}

// Each case crawls fixture servers more than once through the CLI: slow on a loaded machine, never stuck.
describe("check mode and change reports", { timeout: 120_000 }, () => {
  it("--check after a crawl of unchanged servers exits 0, reports no changes and writes nothing", async () => {
    const ws = variantWorkspace({ steady: "normal" });
    expect((await crawl(["--servers", ws.servers, "--catalog", ws.catalog], variantA)).code).toBe(0);
    const before = files(ws.catalog);
    const check = await crawl(["--servers", ws.servers, "--catalog", ws.catalog, "--check"], { ...variantA, CATALOG_TODAY: "2026-12-01" });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("**No changes** (2 servers compared, 0 added, 0 removed, 0 failed, 0 tools changed, 0 tools added, 0 tools removed).");
    expect(files(ws.catalog)).toEqual(before);
  });

  it("a quiet definition change is caught by --check (exit 1) with field-level changes and the version-bump flag", async () => {
    const ws = variantWorkspace();
    await crawl(["--servers", ws.servers, "--catalog", ws.catalog], variantA);
    const before = files(ws.catalog);
    const reportFile = path.join(ws.root, "report.md");
    const check = await crawl(["--servers", ws.servers, "--catalog", ws.catalog, "--check", "--report", reportFile], variantB);
    expect(check.code).toBe(1);
    expect(files(ws.catalog)).toEqual(before);
    const report = readFileSync(reportFile, "utf8");
    expect(report).toContain("## Changed without a version bump (1)");
    expect(report).toContain("### `variant` / `get_record` (changed, server version still 1.0.0)");
    expect(report).toContain("| description | changed | Fetches a record. | Fetches a record and also deletes stale copies. |");
    expect(report).toContain("| parameters.id | made required |  |  |");
    expect(report).toContain("| parameters.purge | added |  | boolean, required |");
    expect(report).not.toContain("stable_tool");
  });

  it("a real crawl of the change records it in the tool's changelog, newest first, and keeps firstSeen", async () => {
    const ws = variantWorkspace();
    await crawl(["--servers", ws.servers, "--catalog", ws.catalog], variantA);
    await crawl(["--servers", ws.servers, "--catalog", ws.catalog], variantB);
    await crawl(["--servers", ws.servers, "--catalog", ws.catalog], { ...variantA, FIXTURE_VERSION: "2.0.0", CATALOG_TODAY: "2026-11-20" });
    const server = JSON.parse(readFileSync(path.join(ws.catalog, "variant.json"), "utf8"));
    const tool = server.tools.find((t: { name: string }) => t.name === "get_record");
    expect(tool.firstSeen).toBe("2026-11-01");
    expect(tool.lastChanged).toBe("2026-11-20");
    expect(tool.changes.map((c: { date: string; withoutVersionBump: boolean; serverVersion: object }) => [c.date, c.withoutVersionBump, c.serverVersion])).toEqual([
      ["2026-11-20", false, { before: "1.0.0", after: "2.0.0" }],
      ["2026-11-15", true, { before: "1.0.0", after: "1.0.0" }],
    ]);
    expect(tool.changes[1].fields).toContainEqual({ field: "parameters.purge", change: "added", after: "boolean, required" });
    const stable = server.tools.find((t: { name: string }) => t.name === "stable_tool");
    expect(stable.changes).toBeUndefined();
  });
});

// Each test runs the crawl command up to four times and the merge once, each a process of its own:
// under a full run on two shared cores that takes longer than the default 30 s (10 s alone).
describe("sharded crawls", { timeout: 120_000 }, () => {
  const extra = { alpha: "normal", bravo: "normal", charlie: "malformed-tools", delta: "many-tools", echo: "normal" };

  it("shards 1/3, 2/3 and 3/3 merged give byte-identical files to one full crawl", async () => {
    const full = variantWorkspace(extra);
    expect((await crawl(["--servers", full.servers, "--catalog", full.catalog], variantA)).code).toBe(0);

    const sharded = variantWorkspace(extra);
    const parts = [1, 2, 3].map((i) => path.join(sharded.root, `part-${i}`));
    for (const [i, part] of parts.entries()) {
      const result = await crawl(["--servers", sharded.servers, "--catalog", sharded.catalog, "--shard", `${i + 1}/3`, "--out", part], variantA);
      expect(result.code).toBe(0);
    }
    const merged = await npmScript("scripts/catalog-merge.ts", ["--servers", sharded.servers, "--catalog", sharded.catalog, ...parts]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain("6 servers compared, 6 added");
    expect(files(sharded.catalog)).toEqual(files(full.catalog));
  });

  it("a missing part is refused with a clear error and nothing is written", async () => {
    const ws = variantWorkspace(extra);
    const parts = [1, 2, 3].map((i) => path.join(ws.root, `part-${i}`));
    for (const [i, part] of parts.entries()) await crawl(["--servers", ws.servers, "--catalog", ws.catalog, "--shard", `${i + 1}/3`, "--out", part], variantA);
    const merged = await npmScript("scripts/catalog-merge.ts", ["--servers", ws.servers, "--catalog", ws.catalog, parts[0]!, parts[2]!]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain("catalog:merge: missing shard 2/3: every part is needed");
    expect(() => readdirSync(ws.catalog)).toThrow();
  });

  it("the same part given twice is refused as an overlap", async () => {
    const ws = variantWorkspace(extra);
    const part = path.join(ws.root, "part-1");
    await crawl(["--servers", ws.servers, "--catalog", ws.catalog, "--shard", "1/2", "--out", part], variantA);
    const merged = await npmScript("scripts/catalog-merge.ts", ["--servers", ws.servers, "--catalog", ws.catalog, part, part]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain(`catalog:merge: shard 1/2 is given twice (${part} and ${part}): parts overlap`);
  });

  it("--shard without --out, or of a bad form, is a usage error", async () => {
    expect((await crawl(["--shard", "1/3"])).stderr).toContain("--shard needs --out DIR");
    const bad = await crawl(["--shard", "4/3", "--out", "/tmp/x"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shard must be I/N with 1 <= I <= N <= 256, got "4/3"');
  });

  it("a part whose manifest names a server outside the definitions is refused, so no path is built from it", async () => {
    const ws = variantWorkspace();
    const part = path.join(ws.root, "part-1");
    await crawl(["--servers", ws.servers, "--catalog", ws.catalog, "--shard", "1/1", "--out", part], variantA);
    const manifestFile = path.join(part, "shard.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, ids: [...manifest.ids, "../../etc/passwd"] }));
    const traversal = await npmScript("scripts/catalog-merge.ts", ["--servers", ws.servers, "--catalog", ws.catalog, part]);
    expect(traversal.code).toBe(2);
    expect(traversal.stderr).toContain("ids[1]: a slug of lower-case letters, digits and single hyphens");
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, ids: [...manifest.ids, "stranger"] }));
    const stranger = await npmScript("scripts/catalog-merge.ts", ["--servers", ws.servers, "--catalog", ws.catalog, part]);
    expect(stranger.stderr).toContain(`${part} holds "stranger", which has no valid definition`);
  });
});
