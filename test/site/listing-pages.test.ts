import { describe, expect, it } from "vitest";
import type { ToolEntry } from "../../src/site/catalog-index.ts";
import { tagCounts } from "../../src/site/catalog-counts.ts";
import { listingPages, pagerItems, serversInListing } from "../../src/site/listing-pages.ts";

const entry = (serverId: string, name: string, tool: string): ToolEntry => ({ server: { id: serverId, name } as ToolEntry["server"], tool: { slug: tool } as ToolEntry["tool"], path: `/servers/${serverId}/tools/${tool}/` });

describe("listing pages", () => {
  it("cuts a listing into pages of the given size, the first at the listing's path and the rest numbered", () => {
    const entries = Array.from({ length: 250 }, (_, i) => entry("s", "S", `t${i}`));
    const pages = listingPages(entries, "/categories/read/");
    expect(pages.map((p) => [p.number, p.path, p.entries.length])).toEqual([
      [1, "/categories/read/", 100],
      [2, "/categories/read/2/", 100],
      [3, "/categories/read/3/", 50],
    ]);
    expect(pages[2]?.entries[0]?.tool.slug).toBe("t200");
  });

  it("keeps one empty first page for an empty listing", () => {
    expect(listingPages([], "/risk/critical/")).toEqual([{ number: 1, entries: [], path: "/risk/critical/" }]);
  });

  it("counts each server's tools in a listing, most first, then by name", () => {
    const shares = serversInListing([entry("b", "Beta", "x"), entry("a", "Alpha", "y"), entry("b", "Beta", "z"), entry("c", "Gamma", "w")]);
    expect(shares.map((s) => [s.server.id, s.count])).toEqual([["b", 2], ["a", 1], ["c", 1]]);
  });
});

describe("tagCounts", () => {
  it("counts each tag once per server, most used first, then alphabetically", () => {
    expect(tagCounts([{ tags: ["files", "git"] }, { tags: ["git", "git"] }, { tags: ["cloud"] }])).toEqual([
      { tag: "git", count: 2 },
      { tag: "cloud", count: 1 },
      { tag: "files", count: 1 },
    ]);
  });
});

describe("a listing's pager", () => {
  it("shows the first, the last and the pages around the current one, with gaps between", () => {
    expect(pagerItems(264, 100)).toEqual([1, "gap", 98, 99, 100, 101, 102, "gap", 264]);
    expect(pagerItems(264, 1)).toEqual([1, 2, 3, "gap", 264]);
    expect(pagerItems(264, 264)).toEqual([1, "gap", 262, 263, 264]);
  });

  it("shows a single missing page instead of a gap, and every page of a short listing", () => {
    expect(pagerItems(7, 5)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pagerItems(3, 2)).toEqual([1, 2, 3]);
    expect(pagerItems(1, 1)).toEqual([1]);
  });

  it("stays the same size however long the listing grows", () => {
    expect(pagerItems(10_000, 5_000).length).toBe(pagerItems(300, 150).length);
  });
});
