import { describe, expect, it } from "vitest";
import { parseShard, shardOf } from "../../src/catalog/shard-assignment.ts";

describe("shards", () => {
  it.each([
    ["1/3", { index: 1, count: 3 }],
    ["3/3", { index: 3, count: 3 }],
    ["0/3", undefined],
    ["4/3", undefined],
    ["1/0", undefined],
    ["a/b", undefined],
  ])("parseShard(%s) is %j", (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });

  it("adding a server never moves another server to a different shard", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `server-${i}`);
    const before = new Map(ids.map((id) => [id, shardOf(id, 4)]));
    const after = [...ids, "a-new-server"];
    for (const id of after.slice(0, -1)) expect(shardOf(id, 4)).toBe(before.get(id));
  });

  it("servers spread over every shard", () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 400; i++) counts[shardOf(`server-${i}`, 4) - 1]!++;
    for (const count of counts) expect(count).toBeGreaterThan(60);
  });
});

describe("layering", () => {
  it("the catalog's shard merge imports nothing from the crawler", async () => {
    const { readFile } = await import("node:fs/promises");
    const source = await readFile(new URL("../../src/catalog/merge-shards.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/from\s+["'][^"']*\/crawl\//);
  });
});
