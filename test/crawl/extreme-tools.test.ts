import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CatalogServer, CatalogTool } from "../../src/catalog/catalog-schema.ts";
import { runCrawl, type CrawlOptions } from "../../src/crawl/run-crawl.ts";

const oddServer = path.resolve("test/fixtures/servers/odd-tools-server.mjs");

function workspace(env: Record<string, string> = {}): { definitionsDir: string; catalogDir: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), "extreme-tools-"));
  const definitionsDir = path.join(root, "servers");
  const catalogDir = path.join(root, "catalog");
  mkdirSync(definitionsDir);
  writeDefinition(definitionsDir, env);
  return { definitionsDir, catalogDir };
}

function writeDefinition(definitionsDir: string, env: Record<string, string>): void {
  const envLines = Object.entries(env).map(([k, v]) => `  ${k}: "${v}"`);
  writeFileSync(
    path.join(definitionsDir, "odd.md"),
    `---
name: Odd tools
summary: Valid tools at the extremes.
homepage: https://example.org/odd
repository: https://example.org/odd.git
command: node
args: ["${oddServer}"]
${envLines.length ? `env:\n${envLines.join("\n")}` : ""}
tags: [testing]
---
Body.
`,
  );
}

function options(dirs: { definitionsDir: string; catalogDir: string }, today = "2026-12-01"): CrawlOptions {
  return { ...dirs, concurrency: 1, timeoutSeconds: 20, projectRoot: process.cwd(), cacheDir: path.join(process.cwd(), ".cache", "servers"), today, env: {}, write: true };
}

function readServer(catalogDir: string): { server: CatalogServer; text: string } {
  const text = readFileSync(path.join(catalogDir, "odd.json"), "utf8");
  return { server: JSON.parse(text) as CatalogServer, text };
}

function tool(server: CatalogServer, name: string | RegExp): CatalogTool {
  const found = server.tools.find((t) => (typeof name === "string" ? t.name === name : name.test(t.name)));
  if (!found) throw new Error(`no tool ${name} in ${server.tools.map((t) => t.name.slice(0, 30)).join(", ")}`);
  return found;
}

describe("tools at the extremes are kept, bounded, and flagged", () => {
  it("a schema nested 5,000 levels deep costs only that tool its depth: every tool is kept, it is cut and flagged oversized, its top-level count exact", async () => {
    const dirs = workspace();
    const result = await runCrawl(options(dirs));
    expect(result.servers[0]!.status).toBe("ok");
    const { server, text } = readServer(dirs.catalogDir);
    expect(server.tools).toHaveLength(7);
    const deep = tool(server, "deep_schema");
    expect(deep.verdict!.parameters).toEqual({ total: 2, required: 1 });
    expect(deep.parameters.map((p) => p.name)).toEqual(["label", "tree"]);
    expect(deep.verdict!.flags).toContain("oversized");
    expect(deep.definition.cut!.notes.join(" ")).toMatch(/nested deeper than 64 levels/);
    expect(text).toContain("[cut: nested deeper than 64 levels]");
    expect(server.crawl.warnings.some((w) => w.includes('"deep_schema" kept cut'))).toBe(true);
  });

  it("a 5,000-character name is kept whole, with a short hashed slug", async () => {
    const dirs = workspace();
    await runCrawl(options(dirs));
    const long = tool(readServer(dirs.catalogDir).server, /^long_n+$/);
    expect(long.name).toHaveLength(5000);
    expect(long.slug.length).toBeLessThanOrEqual(60);
    expect(long.slug).toMatch(/-[0-9a-f]{8}$/);
  });

  it("a 2 MB description is kept cut, and a change past the cut still changes the fingerprint", async () => {
    const dirs = workspace({ ODD_TAIL: "first ending" });
    await runCrawl(options(dirs));
    const before = tool(readServer(dirs.catalogDir).server, "huge_description");
    expect(before.definition.description).toHaveLength(20_000);
    expect(before.definition.cut!.notes[0]).toMatch(/^a description of \d{7} characters: the first 20000 kept$/);
    expect(before.verdict!.flags).toContain("oversized");

    writeDefinition(dirs.definitionsDir, { ODD_TAIL: "second ending" });
    const second = await runCrawl(options(dirs, "2026-12-02"));
    const after = tool(readServer(dirs.catalogDir).server, "huge_description");
    expect(after.definition.description).toBe(before.definition.description);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.changes?.[0]?.date).toBe("2026-12-02");
    expect(second.servers[0]!.changed).toBe(true);
  });

  it("paths of the crawl's sandbox and working folder are stored as placeholders, so a second crawl changes nothing", async () => {
    const dirs = workspace({ ODD_ECHO: "${CATALOG_PROJECT}/catalog/fixtures/key.json" });
    await runCrawl(options(dirs));
    const { server, text } = readServer(dirs.catalogDir);
    const echo = tool(server, "echo_paths");
    expect(echo.definition.description).toBe(
      "Reads files under ${CATALOG_PROJECT} and settings in ${CATALOG_SANDBOX}/.config/odd.json. Key file: ${CATALOG_PROJECT}/catalog/fixtures/key.json",
    );
    expect(echo.parameters.map((p) => p.name)).toEqual(["${CATALOG_PROJECT}/key"]);
    // The launch record holds the fixture's path as the definition wrote it; what the server sent must not.
    const sent = JSON.stringify([server.tools, server.crawl]);
    expect(sent).not.toContain(process.cwd());
    expect(text).not.toContain(os.tmpdir() + path.sep + "catalog-");

    const again = await runCrawl(options(dirs, "2026-12-03"));
    expect(again.servers[0]!.changed).toBe(false);
    expect(readServer(dirs.catalogDir).text).toBe(text);
  });

  it("a schema with properties but no type keeps its parameters, counted, with a warning and a broken-schema flag", async () => {
    const dirs = workspace();
    await runCrawl(options(dirs));
    const { server } = readServer(dirs.catalogDir);
    const untyped = tool(server, "untyped_schema");
    expect(untyped.verdict!.parameters).toEqual({ total: 2, required: 1 });
    expect(untyped.parameters).toHaveLength(2);
    expect(untyped.verdict!.flags).toContain("broken-schema");
    expect(server.crawl.warnings.some((w) => w.startsWith('tool "untyped_schema": its input schema has properties but no "type"'))).toBe(true);
  });

  it("invisible characters in a name are flagged on the tool, though its description is clean", async () => {
    const dirs = workspace();
    await runCrawl(options(dirs));
    const hidden = tool(readServer(dirs.catalogDir).server, /^read/);
    expect(hidden.verdict!.flags).toContain("hidden-instructions");
    expect(hidden.verdict!.rationale).toMatch(/name holds text aimed at the model/);
  });
});
