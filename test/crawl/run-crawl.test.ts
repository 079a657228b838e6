import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cacheFolderName } from "../../src/crawl/install-package.ts";
import { runCrawl, type CrawlOptions } from "../../src/crawl/run-crawl.ts";
import { startFakeRegistry, type FakeRegistry } from "./fake-registry.ts";
import { detachedGrandchildServer, fixtureServer } from "./fixture-helpers.ts";

function workspace(definitions: Record<string, string>): { definitionsDir: string; catalogDir: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), "run-crawl-"));
  const definitionsDir = path.join(root, "servers");
  const catalogDir = path.join(root, "catalog");
  mkdirSync(definitionsDir);
  for (const [id, text] of Object.entries(definitions)) writeFileSync(path.join(definitionsDir, `${id}.md`), text);
  return { definitionsDir, catalogDir };
}

function fixtureDefinition(mode: string, extraEnv: Record<string, string> = {}, server = fixtureServer): string {
  const env = Object.entries({ FIXTURE_MODE: mode, ...extraEnv }).map(([k, v]) => `  ${k}: "${v}"`).join("\n");
  return `---
name: Fixture ${mode}
summary: A test server in ${mode} mode.
homepage: https://example.org/fixture
repository: https://example.org/fixture.git
command: node
args: ["${server}"]
env:
${env}
tags: [testing]
---
Body of the ${mode} fixture.
`;
}

const memoryDefinition = `---
name: Memory
summary: Knowledge graph.
homepage: https://example.org/memory
repository: https://example.org/memory.git
package: { registry: npm, name: "@modelcontextprotocol/server-memory", version: 2026.8.31 }
env:
  MEMORY_FILE_PATH: "\${CATALOG_SANDBOX}/memory.jsonl"
tags: [memory]
---
Memory body.
`;

function options(dirs: { definitionsDir: string; catalogDir: string }, overrides: Partial<CrawlOptions> = {}): CrawlOptions {
  return {
    ...dirs,
    concurrency: 2,
    timeoutSeconds: 5,
    projectRoot: process.cwd(),
    cacheDir: path.join(process.cwd(), ".cache", "servers"),
    today: "2026-11-29",
    env: { FIXTURE_SECRET: "s3cr3t-value-never-written" },
    write: true,
    ...overrides,
  };
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
}

describe("runCrawl", () => {
  it("two crawls of unchanged servers leave every catalog file byte-identical, even on a later day", async () => {
    const dirs = workspace({ fixture: fixtureDefinition("normal"), memory: memoryDefinition });
    const first = await runCrawl(options(dirs));
    expect(first.servers.map((s) => [s.id, s.status, s.changed])).toEqual([["fixture", "ok", true], ["memory", "ok", true]]);
    const before = snapshot(dirs.catalogDir);
    const second = await runCrawl(options(dirs, { today: "2026-12-24" }));
    expect(second.servers.map((s) => s.changed)).toEqual([false, false]);
    expect(snapshot(dirs.catalogDir)).toEqual(before);
    expect(Object.keys(before)).toEqual(["fixture.json", "memory.json"]);
  });

  it("a server that fails keeps its previous catalog file unchanged while the others are crawled", async () => {
    const dirs = workspace({ flaky: fixtureDefinition("normal"), memory: memoryDefinition });
    await runCrawl(options(dirs));
    const before = readFileSync(path.join(dirs.catalogDir, "flaky.json"), "utf8");
    writeFileSync(path.join(dirs.definitionsDir, "flaky.md"), fixtureDefinition("die-during-list"));
    const report = await runCrawl(options(dirs, { today: "2026-12-01" }));
    const flaky = report.servers.find((s) => s.id === "flaky")!;
    expect(flaky).toMatchObject({ status: "failed", changed: false, error: { code: "SERVER_EXITED" } });
    expect(report.servers.find((s) => s.id === "memory")).toMatchObject({ status: "ok", tools: 9 });
    expect(readFileSync(path.join(dirs.catalogDir, "flaky.json"), "utf8")).toBe(before);
  });

  it("a server that has never been crawled successfully gets a file that says it failed", async () => {
    const dirs = workspace({ hang: fixtureDefinition("hang-initialize") });
    const report = await runCrawl(options(dirs, { timeoutSeconds: 0.5 }));
    expect(report.servers[0]).toMatchObject({ status: "failed", error: { code: "CONNECT_TIMEOUT" } });
    const file = JSON.parse(readFileSync(path.join(dirs.catalogDir, "hang.json"), "utf8"));
    expect(file.crawl).toMatchObject({ status: "failed", error: { code: "CONNECT_TIMEOUT" } });
    expect(file.tools).toEqual([]);
  });

  it("an invalid definition is reported and the valid ones are still crawled", async () => {
    const dirs = workspace({ good: fixtureDefinition("normal"), bad: "---\nname: Bad\nsummary: 3\n---\n" });
    const report = await runCrawl(options(dirs));
    expect(report.definitionErrors.length).toBeGreaterThan(0);
    expect(report.definitionErrors.every((e) => e.file.endsWith("bad.md"))).toBe(true);
    expect(report.servers.map((s) => [s.id, s.status])).toEqual([["good", "ok"]]);
  });

  it("environment values resolved from ${VAR} reach the server but never the catalog", async () => {
    const dirs = workspace({ secret: fixtureDefinition("normal", { API_TOKEN: "${FIXTURE_SECRET}" }) });
    const report = await runCrawl(options(dirs));
    expect(report.servers[0]!.status).toBe("ok");
    const text = readFileSync(path.join(dirs.catalogDir, "secret.json"), "utf8");
    expect(text).not.toContain("s3cr3t-value-never-written");
    expect(JSON.parse(text).launch.envNames).toEqual(["API_TOKEN", "FIXTURE_MODE"]);
  });

  it("the crawl's marker variable, echoed by the server, reaches neither its env names nor the catalog, and recrawls stay byte-identical", async () => {
    const dirs = workspace({ echo: fixtureDefinition("echo-marker", {}, detachedGrandchildServer) });
    await runCrawl(options(dirs));
    const first = readFileSync(path.join(dirs.catalogDir, "echo.json"), "utf8");
    await runCrawl(options(dirs));
    expect(readFileSync(path.join(dirs.catalogDir, "echo.json"), "utf8")).toBe(first);
    expect(first).not.toMatch(/crawl-[0-9a-f]{32}/);
    const file = JSON.parse(first);
    expect(file.launch.envNames).toEqual(["FIXTURE_MODE"]);
    expect(file.tools[0].definition.description).toBe("Runs with MCP_CATALOG_CRAWL_TOKEN=${MCP_CATALOG_CRAWL_TOKEN} set.");
  });

  it("a ${VAR} that is not set fails that server with MISSING_VARIABLE", async () => {
    const dirs = workspace({ unset: fixtureDefinition("normal", { API_TOKEN: "${NOT_SET_ANYWHERE}" }) });
    const report = await runCrawl(options(dirs));
    expect(report.servers[0]!.error).toEqual({ code: "MISSING_VARIABLE", message: "the environment variable NOT_SET_ANYWHERE is not set" });
  });

  it("check mode compares without writing anything", async () => {
    const dirs = workspace({ fixture: fixtureDefinition("normal") });
    const report = await runCrawl(options(dirs, { write: false }));
    expect(report.servers[0]!.changed).toBe(true);
    expect(() => readdirSync(dirs.catalogDir)).toThrow();
  });

  it("tools are sorted by name, carry slugs, parameters, fingerprints and verdicts, and hostile names stay verbatim", async () => {
    const dirs = workspace({ hostile: fixtureDefinition("malformed-tools") });
    await runCrawl(options(dirs));
    const file = JSON.parse(readFileSync(path.join(dirs.catalogDir, "hostile.json"), "utf8"));
    expect(file.tools.map((t: { name: string; slug: string }) => [t.name, t.slug])).toEqual([
      ["../../etc/passwd", "etc-passwd"],
      ["<script>alert(1)</script>", "script-alert-1-script"],
      ["good_tool", "good-tool"],
      ["Ünïcödé tool name", "unicode-tool-name"],
    ]);
    expect(file.tools[2].parameters).toEqual([{ name: "id", type: "string", required: true }]);
    expect(file.tools[2].fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(file.tools[2].verdict).toMatchObject({ category: "Read", parameters: { total: 1, required: 1 } });
    expect(file.crawl.dropped).toHaveLength(5);
  });

  it("a server whose definition is deleted loses its catalog file on a full crawl, but not on an --only crawl", async () => {
    const dirs = workspace({ keep: fixtureDefinition("normal"), gone: fixtureDefinition("normal") });
    await runCrawl(options(dirs));
    rmSync(path.join(dirs.definitionsDir, "gone.md"));
    const partial = await runCrawl(options(dirs, { only: ["keep"] }));
    expect(partial.removedServers).toEqual([]);
    expect(readdirSync(dirs.catalogDir).sort()).toEqual(["gone.json", "keep.json"]);
    const full = await runCrawl(options(dirs));
    expect(full.removedServers.map((d) => [d.id, d.status, d.removedTools])).toEqual([["gone", "removed", ["alpha", "beta", "gamma"]]]);
    expect(readdirSync(dirs.catalogDir)).toEqual(["keep.json"]);
  });

  it("an invalid definition does not cost its server's catalog file", async () => {
    const dirs = workspace({ fragile: fixtureDefinition("normal") });
    await runCrawl(options(dirs));
    writeFileSync(path.join(dirs.definitionsDir, "fragile.md"), "---\nname: [broken\n---\n");
    const report = await runCrawl(options(dirs));
    expect(report.definitionErrors).toHaveLength(1);
    expect(readdirSync(dirs.catalogDir)).toEqual(["fragile.json"]);
  });

  it("a server that never succeeded keeps a bounded, cleaned stderr tail led by its error line, byte-identical across crawls", async () => {
    const dirs = workspace({ crash: fixtureDefinition("crash-with-noise"), noisy: fixtureDefinition("flood-stderr") });
    const first = await runCrawl(options(dirs));
    const crash = first.servers.find((s) => s.id === "crash")!;
    expect(crash).toMatchObject({ status: "failed", changed: true, error: { code: "SERVER_EXITED" } });
    // The report keeps the whole tail, cleaned the same way.
    expect(crash.error!.stderrTail).toContain("[<time>] starting (pid <pid>) in ${CATALOG_SANDBOX}\n(node:<pid>) Warning: a feature is experimental");
    const before = readFileSync(path.join(dirs.catalogDir, "crash.json"), "utf8");
    const lines = (JSON.parse(before).crawl.error.stderrTail as string).split("\n");
    expect(lines[0]).toBe("Error [ERR_MODULE_NOT_FOUND]: Cannot find module '${CATALOG_SANDBOX}/dist/index.js' imported from ${CATALOG_PROJECT}/test/fixtures/servers/misbehaving-server.mjs");
    expect(lines[1]).toBe("…");
    expect(lines.slice(-2)).toEqual(["<time> cleanup step 15", "shutting down ? <script>alert(1)</script>"]);
    expect(lines).toHaveLength(22);
    expect(lines.filter((l) => /node:internal\/\S+:\d/.test(l))).toEqual([]);
    expect(before).not.toContain(os.tmpdir() + path.sep + "catalog-");
    expect(before).not.toMatch(/\\u001b|\\u0007/);
    // A server that lists its tools keeps no stderr, however much it wrote.
    expect(readFileSync(path.join(dirs.catalogDir, "noisy.json"), "utf8")).not.toContain("stderrTail");

    const second = await runCrawl(options(dirs, { today: "2026-12-24" }));
    expect(second.servers.find((s) => s.id === "crash")).toMatchObject({ status: "failed", changed: false });
    expect(readFileSync(path.join(dirs.catalogDir, "crash.json"), "utf8")).toBe(before);
  });

  it("a definition naming a bin its package lacks fails with BIN_NOT_FOUND, listing the bins the package has", async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), "bin-cache-"));
    const pkg = { name: "two-bin-server", version: "1.0.0" };
    const dir = path.join(cacheDir, cacheFolderName(pkg), "node_modules", pkg.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ ...pkg, bin: { "two-bin-server": "server.js", "two-bin-admin": "admin.js" } }));
    const dirs = workspace({
      wrong: `---
name: Wrong bin
summary: Names a bin the package does not have.
homepage: https://example.org/wrong
repository: https://example.org/wrong.git
package: { registry: npm, name: two-bin-server, version: 1.0.0 }
bin: two-bin-srv
---
`,
    });
    const report = await runCrawl(options(dirs, { cacheDir }));
    expect(report.servers[0]).toMatchObject({
      status: "failed",
      error: { code: "BIN_NOT_FOUND", message: 'two-bin-server@1.0.0 has no bin "two-bin-srv" (its bins: two-bin-admin, two-bin-server)' },
    });
    const file = JSON.parse(readFileSync(path.join(dirs.catalogDir, "wrong.json"), "utf8"));
    expect(file.crawl.error.code).toBe("BIN_NOT_FOUND");
    expect(file.launch.command).toBe("two-bin-srv");
  });
});

describe("runCrawl and install scripts (against a fake registry)", () => {
  let registry: FakeRegistry;
  beforeAll(async () => {
    registry = await startFakeRegistry(["needs-build-server"]);
    for (const [name, value] of Object.entries(registry.npmEnv)) vi.stubEnv(name, value);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await registry.close();
  });

  const definition = (optIn: string) => `---
name: Needs a build
summary: Its bin is made by a postinstall script.
homepage: https://example.org/needs-build
repository: https://example.org/needs-build.git
package: { registry: npm, name: needs-build-server, version: 1.0.0 }
${optIn}---
`;

  it("a package whose bin is made by a skipped install script fails with a hint naming the script and the opt-in, and is crawled once the definition opts in", async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), "scripts-cache-"));
    const dirs = workspace({ "needs-build": definition("") });
    const skipped = await runCrawl(options(dirs, { cacheDir }));
    expect(skipped.servers[0]).toMatchObject({
      status: "failed",
      error: {
        code: "SERVER_EXITED",
        hint: "install scripts were skipped (needs-build-server postinstall: node build.mjs); if the server needs them, allow them for this server with `installScripts: true` in needs-build.md",
      },
    });
    const failed = JSON.parse(readFileSync(path.join(dirs.catalogDir, "needs-build.json"), "utf8"));
    expect(failed.crawl.error.hint).toContain("`installScripts: true`");
    expect(failed.crawl.error.stderrTail.split("\n")).toContain(
      "Error: Cannot find module '${CATALOG_CACHE}/needs-build-server@1.0.0/node_modules/needs-build-server/dist/server.mjs'",
    );

    writeFileSync(path.join(dirs.definitionsDir, "needs-build.md"), definition("installScripts: true\n"));
    const allowed = await runCrawl(options(dirs, { cacheDir }));
    expect(allowed.servers[0]).toMatchObject({ status: "ok", tools: 1 });
    expect(JSON.parse(readFileSync(path.join(dirs.catalogDir, "needs-build.json"), "utf8")).crawl.status).toBe("ok");
  });

  it("a server that fails for another reason gets no install-script hint when its package has none", async () => {
    const dirs = workspace({ crash: fixtureDefinition("crash-with-noise") });
    const report = await runCrawl(options(dirs));
    expect(report.servers[0]!.error).not.toHaveProperty("hint");
  });
});

describe("a definition add-server wrote and nobody edited", () => {
  it("is not crawled: it is reported as invalid with its file and line, and no catalog file is written", async () => {
    const template = fixtureDefinition("normal").replace(/\n---\n[\s\S]*$/, "\n---\nTODO(add-server): replace this body with your own description of the server.\n");
    const dirs = workspace({ draft: template, edited: fixtureDefinition("normal") });
    const report = await runCrawl(options(dirs));
    expect(report.definitionErrors.map((e) => [path.basename(e.file), e.field, e.kind])).toEqual([["draft.md", "body", "untouched-template"]]);
    expect(report.servers.map((s) => [s.id, s.status])).toEqual([["edited", "ok"]]);
    expect(readdirSync(dirs.catalogDir).sort()).toEqual(["edited.json"]);
  });
});
