import { describe, expect, it } from "vitest";
import { assignSlugs, baseSlug } from "../../src/catalog/tool-slugs.ts";

describe("baseSlug", () => {
  it.each([
    ["browser_take_screenshot", "browser-take-screenshot"],
    ["CreateCodeConnection", "create-code-connection"],
    ["repo.create", "repo-create"],
    ["../../etc/passwd", "etc-passwd"],
    ["<img src=x onerror=alert(1)>", "img-src-x-onerror-alert-1"],
    ["Ünïcödé", "unicode"],
    ["工具", "tool"],
    ["", "tool"],
    ["a".repeat(200), "a".repeat(60)],
    ["con", "con-tool"],
    ["NUL", "nul-tool"],
    ["com1", "com1-tool"],
    ["lpt9", "lpt9-tool"],
    ["console", "console"],
  ])("%s becomes %s", (name, slug) => {
    expect(baseSlug(name)).toBe(slug);
  });
});

describe("assignSlugs", () => {
  it("a name too long for a slug gets a bounded one with a hash, so two long names that share a beginning stay apart", () => {
    const a = `long_${"n".repeat(4995)}`;
    const b = `long_${"n".repeat(4994)}x`;
    const alone = assignSlugs([a]).get(a)!;
    expect(alone).toMatch(/^long-n+-[0-9a-f]{8}$/);
    expect(alone.length).toBeLessThanOrEqual(60);
    // The second long name arriving later cannot take the first one's slug.
    const later = assignSlugs([a, b], new Map([[a, alone]]));
    expect(later.get(a)).toBe(alone);
    expect(later.get(b)).not.toBe(alone);
  });

  it("a long name whose cut falls on a word break still gets a valid slug, without a doubled hyphen", () => {
    const name = `${"a".repeat(50)}_${"b".repeat(20)}`;
    expect(assignSlugs([name]).get(name)).toMatch(/^a{50}-[0-9a-f]{8}$/);
  });

  it("names that share a plain slug each get a distinct hashed one", () => {
    const slugs = assignSlugs(["get_file", "get-file", "getFile"]);
    expect(new Set(slugs.values()).size).toBe(3);
    for (const slug of slugs.values()) expect(slug).toMatch(/^get-file-[0-9a-f]{8}$/);
  });

  it("a name keeps its previous slug when a colliding tool appears later", () => {
    const first = assignSlugs(["get_file"]);
    expect(first.get("get_file")).toBe("get-file");
    const second = assignSlugs(["get_file", "get-file"], first);
    expect(second.get("get_file")).toBe("get-file");
    expect(second.get("get-file")).toMatch(/^get-file-[0-9a-f]{8}$/);
  });

  it("the same names give the same slugs whatever their order", () => {
    expect([...assignSlugs(["b", "a", "A"])].sort()).toEqual([...assignSlugs(["A", "a", "b"])].sort());
  });
});
