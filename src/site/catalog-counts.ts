import { categories, risks, type Category, type Risk } from "../classify/verdict-schema.ts";
import type { CatalogServer, CatalogTool } from "../catalog/catalog-schema.ts";

export interface ToolCounts {
  tools: number;
  classified: number;
  byCategory: Record<Category, number>;
  byRisk: Record<Risk, number>;
  /** Tools per category and risk. */
  matrix: Record<Category, Record<Risk, number>>;
  /** The highest risk of any classified tool, when there is one. */
  highestRisk?: Risk;
}

export interface CatalogCounts extends ToolCounts {
  servers: number;
  /** Servers whose last crawl listed tools. */
  serversCrawled: number;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Counts for any set of tools: a server's, a category's, the whole catalog's. */
export function countTools(tools: readonly CatalogTool[]): ToolCounts {
  const byCategory = zeros(categories);
  const byRisk = zeros(risks);
  const matrix = Object.fromEntries(categories.map((c) => [c, zeros(risks)])) as Record<Category, Record<Risk, number>>;
  let classified = 0;
  let highest = -1;
  for (const tool of tools) {
    const verdict = tool.verdict;
    if (!verdict) continue;
    classified++;
    byCategory[verdict.category]++;
    byRisk[verdict.risk]++;
    matrix[verdict.category][verdict.risk]++;
    highest = Math.max(highest, risks.indexOf(verdict.risk));
  }
  const counts: ToolCounts = { tools: tools.length, classified, byCategory, byRisk, matrix };
  const highestRisk = risks[highest];
  if (highestRisk) counts.highestRisk = highestRisk;
  return counts;
}

/** The headline figures, computed once per build from the same tools every page shows. */
export function countCatalog(servers: readonly CatalogServer[]): CatalogCounts {
  return {
    ...countTools(servers.flatMap((s) => s.tools)),
    servers: servers.length,
    serversCrawled: servers.filter((s) => s.crawl.status === "ok").length,
  };
}

/** "1 tool", "3 tools": counts are never padded or left bare. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Every tag the servers carry with how many carry it, most used first, then alphabetically. */
export function tagCounts(servers: readonly { tags: readonly string[] }[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const server of servers) for (const tag of new Set(server.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}
