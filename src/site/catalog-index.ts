import { categories, risks, type Category, type Risk } from "../classify/verdict-schema.ts";
import type { CatalogServer, CatalogTool } from "../catalog/catalog-schema.ts";
import { compareCodePoints } from "../catalog/canonical-json.ts";
import { countCatalog, countTools, type CatalogCounts, type ToolCounts } from "./catalog-counts.ts";
import { toolPath } from "./urls.ts";

/** A tool with the server it belongs to and its page. */
export interface ToolEntry {
  server: CatalogServer;
  tool: CatalogTool;
  path: string;
}

export interface CatalogIndex {
  servers: CatalogServer[];
  /** Tools the servers list now; every count is of these. */
  tools: ToolEntry[];
  /** Tools a server stopped listing, kept for a while so their pages stay (never counted). */
  removed: ToolEntry[];
  counts: CatalogCounts;
  serverCounts: Map<string, ToolCounts>;
  /** Classified tools of each category, riskiest first, then server and name. */
  byCategory: Record<Category, ToolEntry[]>;
  byRisk: Record<Risk, ToolEntry[]>;
  /** Where each tool (`<server>/<slug>`) sits in its category's list. */
  categoryPosition: Map<string, number>;
}

export const entryKey = (entry: ToolEntry): string => `${entry.server.id}/${entry.tool.slug}`;

const riskRank = (entry: ToolEntry): number => (entry.tool.verdict ? risks.indexOf(entry.tool.verdict.risk) : -1);

/** Riskiest first, then server id and tool name (code-point order), so lists are stable. */
export function compareEntries(a: ToolEntry, b: ToolEntry): number {
  return riskRank(b) - riskRank(a) || compareCodePoints(a.server.id, b.server.id) || compareCodePoints(a.tool.name, b.tool.name);
}

/** Everything pages need, derived once from the servers. */
export function buildCatalogIndex(servers: readonly CatalogServer[]): CatalogIndex {
  const sorted = [...servers].sort((a, b) => compareCodePoints(a.id, b.id));
  const tools = sorted.flatMap((server) => server.tools.map((tool) => ({ server, tool, path: toolPath(server.id, tool.slug) })));
  const removed = sorted.flatMap((server) => {
    // A listed tool's page wins if a removed one ever had the same slug.
    const listed = new Set(server.tools.map((t) => t.slug));
    return (server.removedTools ?? []).filter((tool) => !listed.has(tool.slug)).map((tool) => ({ server, tool, path: toolPath(server.id, tool.slug) }));
  });
  const byCategory = Object.fromEntries(categories.map((c) => [c, [] as ToolEntry[]])) as Record<Category, ToolEntry[]>;
  const byRisk = Object.fromEntries(risks.map((r) => [r, [] as ToolEntry[]])) as Record<Risk, ToolEntry[]>;
  for (const entry of tools) {
    const verdict = entry.tool.verdict;
    if (!verdict) continue;
    byCategory[verdict.category].push(entry);
    byRisk[verdict.risk].push(entry);
  }
  for (const list of [...Object.values(byCategory), ...Object.values(byRisk)]) list.sort(compareEntries);
  const categoryPosition = new Map<string, number>();
  for (const list of Object.values(byCategory)) list.forEach((entry, i) => categoryPosition.set(entryKey(entry), i));
  return {
    servers: sorted,
    tools,
    removed,
    counts: countCatalog(sorted),
    serverCounts: new Map(sorted.map((s) => [s.id, countTools(s.tools)])),
    byCategory,
    byRisk,
    categoryPosition,
  };
}

/** Tools by their `lastChanged`, newest first, then name. */
export function recentlyChanged(index: CatalogIndex, limit: number): ToolEntry[] {
  return [...index.tools]
    .sort((a, b) => compareCodePoints(b.tool.lastChanged, a.tool.lastChanged) || compareCodePoints(a.tool.name, b.tool.name) || compareCodePoints(a.server.id, b.server.id))
    .slice(0, limit);
}

/** Servers with at least one Critical tool, most first. */
export function mostCritical(index: CatalogIndex, limit: number): { server: CatalogServer; critical: number }[] {
  return index.servers
    .map((server) => ({ server, critical: index.serverCounts.get(server.id)?.byRisk.Critical ?? 0 }))
    .filter((s) => s.critical > 0)
    .sort((a, b) => b.critical - a.critical || compareCodePoints(a.server.id, b.server.id))
    .slice(0, limit);
}

/**
 * Related tools: others of the same server and category, and tools of the
 * same category on other servers (the neighbours in the category's list, so
 * each page is O(limit) at any catalog size).
 */
export function relatedTools(index: CatalogIndex, entry: ToolEntry, limit = 5): { sameServer: ToolEntry[]; elsewhere: ToolEntry[] } {
  const category = entry.tool.verdict?.category;
  if (!category) return { sameServer: [], elsewhere: [] };
  const sameServer = entry.server.tools
    .filter((t) => t !== entry.tool && t.verdict?.category === category)
    .slice(0, limit)
    .map((tool) => ({ server: entry.server, tool, path: toolPath(entry.server.id, tool.slug) }));
  const list = index.byCategory[category];
  const elsewhere: ToolEntry[] = [];
  const start = index.categoryPosition.get(entryKey(entry)) ?? 0;
  for (let step = 1; step < list.length && elsewhere.length < limit; step++) {
    const candidate = list[(start + step) % list.length];
    if (candidate && candidate.server.id !== entry.server.id) elsewhere.push(candidate);
  }
  return { sameServer, elsewhere };
}
