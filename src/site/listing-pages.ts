/**
 * Category and risk listings at catalog scale: thousands of tools split into
 * pages of a fixed size (riskiest first, as the index orders them), with a
 * summary of which servers the listing's tools come from, so that no page is
 * a wall of thousands of rows.
 */
import { compareCodePoints } from "../catalog/canonical-json.ts";
import type { CatalogServer } from "../catalog/catalog-schema.ts";
import type { ToolEntry } from "./catalog-index.ts";

/** Tools per listing page: a page stays readable and its HTML small. */
export const LISTING_PAGE_SIZE = 100;

export interface ListingPage {
  /** 1-based. */
  number: number;
  entries: ToolEntry[];
  /** The page's own path: the listing's path for page 1, `<path><n>/` after it. */
  path: string;
}

export function listingPagePath(basePath: string, number: number): string {
  return number === 1 ? basePath : `${basePath}${number}/`;
}

/** The listing cut into pages; an empty listing still has its first page. */
export function listingPages(entries: readonly ToolEntry[], basePath: string, size = LISTING_PAGE_SIZE): ListingPage[] {
  const count = Math.max(1, Math.ceil(entries.length / size));
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, entries: entries.slice(i * size, (i + 1) * size), path: listingPagePath(basePath, i + 1) }));
}

/** Pages linked on each side of the current one. */
const PAGER_REACH = 2;

/**
 * The page numbers a listing's pager shows: the first, the last, and the
 * current one with its neighbours, `"gap"` between runs that do not meet.
 * A pager linking every page made each listing page O(pages) and the whole
 * listing O(pages²): 264 links on each of the Read listing's 264 pages at
 * 50,000 tools (issue #18).
 */
export function pagerItems(pageCount: number, current: number): (number | "gap")[] {
  const shown = new Set<number>([1, pageCount]);
  for (let n = current - PAGER_REACH; n <= current + PAGER_REACH; n++) if (n >= 1 && n <= pageCount) shown.add(n);
  const items: (number | "gap")[] = [];
  let previous = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    // A gap of one page is shown as that page: "1 2 3" reads better than "1 … 3".
    if (n - previous === 2) items.push(n - 1);
    else if (n - previous > 2) items.push("gap");
    items.push(n);
    previous = n;
  }
  return items;
}

export interface ServerShare {
  server: CatalogServer;
  count: number;
}

/** How many of the listing's tools each server has, most first, then by name. */
export function serversInListing(entries: readonly ToolEntry[]): ServerShare[] {
  const shares = new Map<string, ServerShare>();
  for (const entry of entries) {
    const share = shares.get(entry.server.id) ?? { server: entry.server, count: 0 };
    share.count++;
    shares.set(entry.server.id, share);
  }
  return [...shares.values()].sort((a, b) => b.count - a.count || compareCodePoints(a.server.name, b.server.name));
}
