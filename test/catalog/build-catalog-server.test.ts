import { describe, expect, it } from "vitest";
import { buildCatalogServer, buildFailedCatalogServer, launchRecordOf, type CrawledServer } from "../../src/catalog/build-catalog-server.ts";
import { catalogServerSchema, MAX_STORED_STDERR, type CatalogServer } from "../../src/catalog/catalog-schema.ts";
import type { ServerDefinition } from "../../src/catalog/server-definition-schema.ts";
import type { ToolDefinition } from "../../src/catalog/tool-definition-schema.ts";

const definition = {
  id: "demo",
  file: "catalog/servers/demo.md",
  body: "Body.",
  name: "Demo",
  summary: "A demo server.",
  homepage: "https://example.org",
  repository: "https://example.org/r",
  tags: [],
  overrides: {},
  transport: "stdio",
  command: "node",
  args: [],
  env: { TOKEN: "${TOKEN}" },
  installScripts: false,
} as ServerDefinition;

const tool = (name: string, description = `Lists ${name}.`): ToolDefinition => ({ name, description, inputSchema: { type: "object" } });

function crawl(tools: ToolDefinition[], previous: CatalogServer | undefined, today: string, version = "1.0.0"): CatalogServer {
  const crawled: CrawledServer = { serverInfo: { name: "demo", version }, clientCapabilities: {}, pages: 1, warnings: [], dropped: [], tools };
  return buildCatalogServer(definition, launchRecordOf(definition, undefined), crawled, previous, today);
}

describe("buildCatalogServer", () => {
  it("a tool the server stops listing is kept as removed since that day, then dropped after 90 days", () => {
    const first = crawl([tool("list_a"), tool("list_b")], undefined, "2026-01-01");
    const second = crawl([tool("list_a")], first, "2026-01-10");
    expect(second.tools.map((t) => t.name)).toEqual(["list_a"]);
    expect(second.removedTools?.map((t) => [t.name, t.removedSince, t.slug])).toEqual([["list_b", "2026-01-10", "list-b"]]);
    const within = crawl([tool("list_a")], second, "2026-04-10");
    expect(within.removedTools?.map((t) => t.removedSince)).toEqual(["2026-01-10"]);
    const after = crawl([tool("list_a")], within, "2026-04-11");
    expect(after.removedTools).toBeUndefined();
  });

  it("a removed tool that comes back keeps its slug and firstSeen and gets a 'reappeared' entry", () => {
    const first = crawl([tool("list_a"), tool("list_b")], undefined, "2026-01-01");
    const gone = crawl([tool("list_a")], first, "2026-01-10");
    const back = crawl([tool("list_a"), tool("list_b", "Lists b, now differently.")], gone, "2026-01-20", "1.1.0");
    const b = back.tools.find((t) => t.name === "list_b")!;
    expect(b.firstSeen).toBe("2026-01-01");
    expect(b.slug).toBe("list-b");
    expect(b.changes?.[0]).toMatchObject({ date: "2026-01-20", kind: "reappeared", withoutVersionBump: false });
    expect(b.changes?.[0]?.fields).toEqual([{ field: "description", change: "changed", before: "Lists list_b.", after: "Lists b, now differently." }]);
    expect(back.removedTools).toBeUndefined();
  });

  it("an annotation that goes from absent to false is a change, not nothing", () => {
    const first = crawl([tool("list_a")], undefined, "2026-01-01");
    const second = crawl([{ ...tool("list_a"), annotations: { readOnlyHint: false } }], first, "2026-01-02");
    expect(second.tools[0]!.changes?.[0]?.fields).toContainEqual({ field: "annotations.readOnlyHint", change: "added", after: "false" });
  });

  it("the server's lastChanged moves only when its file would change", () => {
    const first = crawl([tool("list_a")], undefined, "2026-01-01");
    expect(crawl([tool("list_a")], first, "2026-02-01").crawl.lastChanged).toBe("2026-01-01");
    expect(crawl([tool("list_a"), tool("list_c")], first, "2026-02-01").crawl.lastChanged).toBe("2026-02-01");
  });

  it("the launch record keeps env names and never their values", () => {
    expect(launchRecordOf(definition, undefined)).toEqual({ transport: "stdio", command: "node", args: [], envNames: ["TOKEN"] });
  });
});

describe("buildFailedCatalogServer", () => {
  const error = { code: "SERVER_EXITED" as const, message: "the server exited with code 1 during initialize", hint: "install scripts were skipped", stderrTail: "Error: boom\n…\nNode.js <version>" };

  it("keeps the failure's hint and stderr tail, and the schema accepts them", () => {
    const failed = buildFailedCatalogServer(definition, launchRecordOf(definition, undefined), error, {}, undefined, "2026-01-01");
    expect(failed.crawl).toMatchObject({ status: "failed", error });
    expect(catalogServerSchema.safeParse(failed).success).toBe(true);
  });

  it("a catalog file whose stderr tail is over the bound is refused", () => {
    const failed = buildFailedCatalogServer(definition, launchRecordOf(definition, undefined), { ...error, stderrTail: "x".repeat(MAX_STORED_STDERR + 1) }, {}, undefined, "2026-01-01");
    expect(catalogServerSchema.safeParse(failed).error?.issues[0]?.path).toEqual(["crawl", "error", "stderrTail"]);
  });
});
