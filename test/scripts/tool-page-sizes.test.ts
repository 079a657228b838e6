import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toolPageSizes } from "../../scripts/tool-page-sizes.ts";

let site: string;

beforeAll(async () => {
  site = await mkdtemp(path.join(tmpdir(), "page-sizes-"));
  const pages: Array<[string, string, number]> = [["a", "one", 100], ["a", "two", 30_000], ["b", "three", 30_001], ["b", "four", 200], ["c", "five", 50]];
  for (const [server, slug, bytes] of pages) {
    await mkdir(path.join(site, "servers", server, "tools", slug), { recursive: true });
    await writeFile(path.join(site, "servers", server, "tools", slug, "index.html"), "x".repeat(bytes));
  }
  // A server page and a server with no tools are not tool pages.
  await writeFile(path.join(site, "servers", "a", "index.html"), "x".repeat(90_000));
  await mkdir(path.join(site, "servers", "d"), { recursive: true });
});

afterAll(() => rm(site, { recursive: true, force: true }));

describe("tool page sizes of a built site", () => {
  it("gives the median, the largest page, and every page over the budget, a page at the budget not over it", async () => {
    expect(await toolPageSizes(site)).toEqual({
      pages: 5,
      median: 200,
      max: { page: "/servers/b/tools/three/", bytes: 30_001 },
      over: [{ page: "/servers/b/tools/three/", bytes: 30_001 }],
    });
  });

  it("refuses a folder with no tool pages instead of reporting zeros", async () => {
    const empty = path.join(site, "empty");
    await mkdir(path.join(empty, "servers", "e"), { recursive: true });
    await expect(toolPageSizes(empty)).rejects.toThrow(/no tool pages under .*: build the site first/);
  });
});
