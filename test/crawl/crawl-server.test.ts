import { describe, expect, it } from "vitest";
import { crawlServer } from "../../src/crawl/crawl-server.ts";
import { detachedGrandchildServer, fixtureTarget, readPids, survivingPids } from "./fixture-helpers.ts";

const quick = { connectMs: 2_000, listMs: 2_000 };

describe("crawlServer against misbehaving stdio servers", () => {
  it("a well-behaved server has every page listed and its initialize facts recorded", async () => {
    const { target, pidFile } = fixtureTarget("normal", { FIXTURE_VERSION: "4.5.6" });
    const outcome = await crawlServer(target, quick);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.listing.tools.map((t) => t.name)).toEqual(["alpha", "beta", "gamma"]);
    expect(outcome.listing.pages).toBe(2);
    expect(outcome.serverInfo).toEqual({ name: "misbehaving-fixture", version: "4.5.6" });
    expect(outcome.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(outcome.capabilities).toEqual({ tools: {} });
    expect(await survivingPids(pidFile)).toEqual([]);
  });

  it("a server that never answers initialize fails with CONNECT_TIMEOUT within its timeout and is killed", async () => {
    const { target, pidFile } = fixtureTarget("hang-initialize");
    const started = performance.now();
    const outcome = await crawlServer(target, { connectMs: 800, listMs: 800 });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(outcome).toMatchObject({ ok: false, code: "CONNECT_TIMEOUT" });
    expect(await survivingPids(pidFile)).toEqual([]);
  });

  it("a server that dies during tools/list is reported as SERVER_EXITED with its exit code", async () => {
    const { target, pidFile } = fixtureTarget("die-during-list");
    const outcome = await crawlServer(target, quick);
    expect(outcome).toMatchObject({ ok: false, code: "SERVER_EXITED" });
    if (!outcome.ok) expect(outcome.message).toBe("the server exited with code 3 during tools/list");
    expect(await survivingPids(pidFile)).toEqual([]);
  });

  it("a server that repeats its cursor is stopped after one repeat with a warning", async () => {
    const { target } = fixtureTarget("repeat-cursor");
    const outcome = await crawlServer(target, quick);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.listing.pages).toBe(2);
    expect(outcome.warnings).toEqual(["the server repeated a cursor after 2 pages; stopped listing there"]);
  });

  it("a server that pages forever is stopped at the page cap with a warning", async () => {
    const { target } = fixtureTarget("page-forever");
    const outcome = await crawlServer(target, { connectMs: 2_000, listMs: 10_000 }, { maxPages: 50 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.listing.pages).toBe(50);
    expect(outcome.listing.tools).toHaveLength(50);
    expect(outcome.warnings).toEqual(["stopped after 50 pages (page cap); the server may list more tools"]);
  });

  it("a server with thousands of tools has every one of them listed", async () => {
    const { target } = fixtureTarget("many-tools", { FIXTURE_TOOLS: "3000" });
    const outcome = await crawlServer(target, { connectMs: 2_000, listMs: 10_000 });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.listing.tools).toHaveLength(3000);
    expect(outcome.listing.pages).toBe(6);
    expect(outcome.warnings).toEqual([]);
  });

  it("a server with more tools than the cap is cut at the cap with a warning", async () => {
    const { target } = fixtureTarget("many-tools", { FIXTURE_TOOLS: "3000" });
    const outcome = await crawlServer(target, quick, { maxTools: 1200 });
    expect(outcome.ok && outcome.listing.tools.length).toBe(1200);
    expect(outcome.ok && outcome.warnings).toEqual(["stopped at 1200 tools (tool cap); the server may list more"]);
  });

  it("a server that floods stderr is still listed and only the last few KB of stderr are kept", async () => {
    const { target, pidFile } = fixtureTarget("flood-stderr");
    const outcome = await crawlServer(target, quick);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.stderrTail!.length).toBeLessThanOrEqual(8 * 1024);
    expect(await survivingPids(pidFile)).toEqual([]);
  });

  it("a server that prints junk on stdout is still listed, with the junk counted in a warning", async () => {
    const { target } = fixtureTarget("junk-stdout");
    const outcome = await crawlServer(target, quick);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.listing.tools).toHaveLength(3);
    expect(outcome.ok && outcome.warnings).toEqual(["2 line(s) on stdout were not JSON-RPC and were skipped"]);
  });

  it("malformed tools are dropped one by one with index, name and reason, and hostile names are kept verbatim", async () => {
    const { target } = fixtureTarget("malformed-tools");
    const outcome = await crawlServer(target, quick);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.listing.tools.map((t) => t.name)).toEqual(["good_tool", "../../etc/passwd", "<script>alert(1)</script>", "Ünïcödé tool name"]);
    expect(outcome.listing.dropped.map(({ index, name }) => ({ index, name }))).toEqual([
      { index: 1, name: undefined },
      { index: 2, name: "bad_schema" },
      { index: 5, name: "good_tool" },
      { index: 6, name: undefined },
      { index: 8, name: undefined },
    ]);
    expect(outcome.listing.dropped[0]!.reason).toContain("name: required, expected string");
    expect(outcome.listing.dropped[1]!.reason).toContain("inputSchema: expected object, got string");
    expect(outcome.listing.dropped[2]!.reason).toBe("duplicate name: an earlier tool has the same name");
  });

  it("a server's grandchildren are killed with it", async () => {
    const { target, pidFile } = fixtureTarget("grandchild");
    const outcome = await crawlServer(target, quick);
    expect(outcome.ok).toBe(true);
    expect(await survivingPids(pidFile)).toEqual([]);
  });

  it("a command that does not exist fails with SPAWN_FAILED", async () => {
    const outcome = await crawlServer({ transport: "stdio", process: { command: "/nonexistent/mcp-server", args: [], env: {} } }, quick);
    expect(outcome).toMatchObject({ ok: false, code: "SPAWN_FAILED" });
  });
});

describe("crawlServer kills a stdio server's whole process tree", () => {
  it("a grandchild started through setsid, ignoring SIGTERM like its server, is dead after the crawl", async () => {
    const { target, pidFile } = fixtureTarget("setsid", {}, detachedGrandchildServer);
    const outcome = await crawlServer(target, quick);
    expect(outcome.ok).toBe(true);
    expect(readPids(pidFile)).toHaveLength(2);
    expect(await survivingPids(pidFile)).toEqual([]);
  });

  it("a setsid grandchild whose environment lost the crawl's marker is found through its parent", async () => {
    const { target, pidFile } = fixtureTarget("setsid-clean", {}, detachedGrandchildServer);
    const outcome = await crawlServer(target, quick);
    expect(outcome.ok).toBe(true);
    expect(readPids(pidFile)).toHaveLength(2);
    expect(await survivingPids(pidFile)).toEqual([]);
  });

  it("a setsid grandchild without the marker, orphaned when its server obeys the close, is killed from the snapshot taken as closing began", async () => {
    const { target, pidFile } = fixtureTarget("setsid-clean", { FIXTURE_EXIT_ON_CLOSE: "1" }, detachedGrandchildServer);
    const outcome = await crawlServer(target, quick);
    expect(outcome.ok).toBe(true);
    expect(readPids(pidFile)).toHaveLength(2);
    expect(await survivingPids(pidFile)).toEqual([]);
  });

  it("a setsid grandchild orphaned when its server exits by itself is dead after the crawl", async () => {
    const { target, pidFile } = fixtureTarget("exit-early", {}, detachedGrandchildServer);
    const outcome = await crawlServer(target, quick);
    expect(outcome).toMatchObject({ ok: false, code: "SERVER_EXITED" });
    expect(readPids(pidFile)).toHaveLength(2);
    expect(await survivingPids(pidFile)).toEqual([]);
  });

  it("the crawl's marker variable never reaches a tool description or the stderr tail", async () => {
    const { target } = fixtureTarget("echo-marker", {}, detachedGrandchildServer);
    const outcome = await crawlServer(target, quick);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.listing.tools[0]!.description).toBe("Runs with MCP_CATALOG_CRAWL_TOKEN=${MCP_CATALOG_CRAWL_TOKEN} set.");
    expect(outcome.stderrTail).toBe("starting with MCP_CATALOG_CRAWL_TOKEN=${MCP_CATALOG_CRAWL_TOKEN}\n");
  });
});
