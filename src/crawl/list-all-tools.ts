import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { z } from "zod";
import { toolDefinitionSchema, type ToolDefinition } from "../catalog/tool-definition-schema.ts";
import { formatZodIssues } from "../catalog/friendly-errors.ts";
import { boundDefinition } from "./bound-definition.ts";

/** One page as the wire allows it; tools are checked one by one afterwards. */
const lenientPageSchema = z
  .object({
    tools: z.array(z.unknown()),
    nextCursor: z.string().optional(),
  })
  .passthrough();

export type ListLimits = {
  /** Pages read at most before stopping with a warning. */
  maxPages: number;
  /** Tools kept at most before stopping with a warning. */
  maxTools: number;
  /** Longest tool name kept (the spec recommends 128, real servers send thousands; pages show it shortened). */
  maxNameLength: number;
  /** Largest single tool definition kept, in bytes of JSON. */
  maxDefinitionBytes: number;
  /** Kept definitions in all, in bytes of JSON: bounds memory now that the tool cap is high. */
  maxListingBytes: number;
};

export const defaultListLimits: ListLimits = {
  maxPages: 200,
  // Real servers list 20,000 tools; the byte cap, not the count, bounds memory.
  maxTools: 50_000,
  maxNameLength: 16_384,
  maxDefinitionBytes: 512 * 1024,
  maxListingBytes: 256 * 1024 * 1024,
};

export type DroppedTool = { index: number; name?: string; reason: string };

export type ToolListing = {
  tools: ToolDefinition[];
  dropped: DroppedTool[];
  warnings: string[];
  pages: number;
};

/**
 * Reads every page of `tools/list`, following `nextCursor` to the end.
 * The SDK's own `listTools` rejects a whole page for one bad tool, so pages
 * are read leniently and each tool is validated alone: a malformed one is
 * dropped and reported, the rest kept. A repeated cursor or the caps stop the
 * loop with a warning instead of hanging the crawl.
 */
export async function listAllTools(
  client: Client,
  options: { limits?: Partial<ListLimits>; timeoutMs: number; signal?: AbortSignal },
): Promise<ToolListing> {
  const limits = { ...defaultListLimits, ...options.limits };
  const listing: ToolListing = { tools: [], dropped: [], warnings: [], pages: 0 };
  const seenCursors = new Set<string>();
  const seenNames = new Set<string>();
  let cursor: string | undefined;
  let index = 0;
  let listingBytes = 0;

  while (true) {
    if (listing.pages >= limits.maxPages) {
      listing.warnings.push(`stopped after ${limits.maxPages} pages (page cap); the server may list more tools`);
      break;
    }
    const page = await client.request(
      { method: "tools/list", params: cursor === undefined ? {} : { cursor } },
      lenientPageSchema,
      { timeout: options.timeoutMs, signal: options.signal },
    );
    listing.pages++;
    let overBytes = false;
    for (const raw of page.tools) {
      if (listing.tools.length >= limits.maxTools) break;
      const checked = checkTool(raw, index, limits);
      if ("reason" in checked) listing.dropped.push(checked);
      else if (seenNames.has(checked.tool.name)) {
        listing.dropped.push({ index, name: checked.tool.name, reason: "duplicate name: an earlier tool has the same name" });
      } else if (listingBytes + checked.bytes > limits.maxListingBytes) {
        overBytes = true;
        break;
      } else {
        listingBytes += checked.bytes;
        seenNames.add(checked.tool.name);
        listing.tools.push(checked.tool);
        const quoted = JSON.stringify(shorten(checked.tool.name));
        if (checked.tool.cut) listing.warnings.push(`tool ${quoted} kept cut: ${checked.tool.cut.notes.join("; ")}`);
        const schema = checked.tool.inputSchema;
        if (schema.type === undefined && schema.properties !== undefined) {
          listing.warnings.push(`tool ${quoted}: its input schema has properties but no "type"; read as an object and flagged`);
        }
      }
      index++;
    }
    if (overBytes) {
      listing.warnings.push(`stopped at ${listing.tools.length} tools: their definitions reach the ${limits.maxListingBytes}-byte listing cap; the server may list more`);
      break;
    }
    if (listing.tools.length >= limits.maxTools) {
      listing.warnings.push(`stopped at ${limits.maxTools} tools (tool cap); the server may list more`);
      break;
    }
    const next = page.nextCursor;
    if (next === undefined) break;
    if (seenCursors.has(next) || next === cursor) {
      listing.warnings.push(`the server repeated a cursor after ${listing.pages} pages; stopped listing there`);
      break;
    }
    seenCursors.add(next);
    cursor = next;
  }
  return listing;
}

function checkTool(raw: unknown, index: number, limits: ListLimits): { tool: ToolDefinition; bytes: number } | DroppedTool {
  const rawName = raw !== null && typeof raw === "object" ? (raw as { name?: unknown }).name : undefined;
  const name = typeof rawName === "string" && rawName.length > 0 ? rawName.slice(0, limits.maxNameLength) : undefined;
  const drop = (reason: string): DroppedTool => (name === undefined ? { index, reason } : { index, name, reason });

  const bounded = boundDefinition(raw);
  const parsed = toolDefinitionSchema.safeParse(bounded.raw);
  if (!parsed.success) return drop(`not a valid tool:\n${formatZodIssues(parsed.error.issues)}`);
  const tool = bounded.cut ? { ...parsed.data, cut: bounded.cut } : parsed.data;
  if (tool.name.length > limits.maxNameLength) return drop(`name longer than ${limits.maxNameLength} characters`);
  const bytes = new TextEncoder().encode(JSON.stringify(tool)).length;
  if (bytes > limits.maxDefinitionBytes) {
    return drop(`definition of ${bytes} bytes is larger than the ${limits.maxDefinitionBytes}-byte limit`);
  }
  return { tool, bytes };
}

function shorten(name: string): string {
  return name.length > 80 ? `${name.slice(0, 79)}…` : name;
}
