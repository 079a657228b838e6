import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { listAllTools } from "../../src/crawl/list-all-tools.ts";

type Page = { tools: unknown[]; nextCursor?: string };

/** A client connected in-process to a server whose tools/list answers come from `pages(cursor)`. */
async function connectedClient(pages: (cursor: string | undefined) => Page): Promise<Client> {
  const server = new Server({ name: "in-memory", version: "1.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async (request) => pages(request.params?.cursor) as never);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "test", version: "1.0.0" }, { capabilities: {} });
  await client.connect(clientSide);
  return client;
}

const tool = (name: string) => ({ name, inputSchema: { type: "object" } });

describe("listAllTools over in-memory transports", () => {
  it("follows nextCursor to the last page and keeps the server's order", async () => {
    const client = await connectedClient((cursor) =>
      cursor === undefined ? { tools: [tool("b"), tool("a")], nextCursor: "p2" } : cursor === "p2" ? { tools: [tool("c")], nextCursor: "p3" } : { tools: [tool("d")] },
    );
    const listing = await listAllTools(client, { timeoutMs: 1000 });
    expect(listing.tools.map((t) => t.name)).toEqual(["b", "a", "c", "d"]);
    expect(listing).toMatchObject({ pages: 3, dropped: [], warnings: [] });
  });

  it("a valid server of 20,000 tools is listed whole, with no cap warning", async () => {
    const client = await connectedClient((cursor) => {
      const page = Number(cursor ?? 0);
      const tools = Array.from({ length: 1000 }, (_, i) => tool(`t${page * 1000 + i}`));
      return page < 19 ? { tools, nextCursor: String(page + 1) } : { tools };
    });
    const listing = await listAllTools(client, { timeoutMs: 5000 });
    expect(listing.tools).toHaveLength(20_000);
    expect(listing.warnings).toEqual([]);
  });

  it("a runaway listing stops at the byte cap with a warning, keeping memory bounded", async () => {
    const client = await connectedClient((cursor) => {
      const page = Number(cursor ?? 0);
      return { tools: Array.from({ length: 10 }, (_, i) => tool(`t${page * 10 + i}`)), nextCursor: String(page + 1) };
    });
    const listing = await listAllTools(client, { timeoutMs: 1000, limits: { maxListingBytes: 1000 } });
    expect(listing.tools.length).toBeLessThan(40);
    expect(listing.warnings).toEqual([expect.stringMatching(/1000-byte listing cap/)]);
  });

  it("a cursor that comes back after other pages is caught as a repeat", async () => {
    const client = await connectedClient((cursor) => ({ tools: [tool(`t${cursor ?? 0}`)], nextCursor: cursor === "x" ? "y" : "x" }));
    const listing = await listAllTools(client, { timeoutMs: 1000 });
    expect(listing.pages).toBe(3);
    expect(listing.warnings).toEqual(["the server repeated a cursor after 3 pages; stopped listing there"]);
  });

  it("keeps icons and _meta out and annotations exactly as sent, absent hints absent", async () => {
    const client = await connectedClient(() => ({
      tools: [{ name: "t", inputSchema: { type: "object" }, annotations: { readOnlyHint: false }, icons: [{ src: "data:," }], _meta: { x: 1 } }],
    }));
    const listing = await listAllTools(client, { timeoutMs: 1000 });
    expect(listing.tools).toEqual([{ name: "t", inputSchema: { type: "object" }, annotations: { readOnlyHint: false } }]);
  });

  it.each([
    ["a name longer than the limit", { name: "n".repeat(20_000), inputSchema: { type: "object" } }, "name longer than 16384 characters"],
    // A long description is cut, not dropped (see extreme-tools.test.ts); a schema this large is not a tool.
    ["a definition larger than the limit", { name: "big", inputSchema: { type: "object", properties: { p: { type: "string", default: "x".repeat(600_000) } } } }, "definition of 600096 bytes is larger than the 524288-byte limit"],
    ["a title that is not text", { name: "odd", title: 5, inputSchema: { type: "object" } }, "not a valid tool:\n  - title: expected string, got number"],
  ])("%s is dropped with its reason while its neighbours are kept", async (_, bad, reason) => {
    const client = await connectedClient(() => ({ tools: [tool("before"), bad, tool("after")] }));
    const listing = await listAllTools(client, { timeoutMs: 1000 });
    expect(listing.tools.map((t) => t.name)).toEqual(["before", "after"]);
    expect(listing.dropped).toHaveLength(1);
    expect(listing.dropped[0]!.index).toBe(1);
    expect(listing.dropped[0]!.reason).toBe(reason);
  });

  it("a page whose tools are not a list is a protocol error, not a crash", async () => {
    const client = await connectedClient(() => ({ tools: "none" as unknown as unknown[] }));
    await expect(listAllTools(client, { timeoutMs: 1000 })).rejects.toThrow();
  });
});
