import { describe, expect, it } from "vitest";
import { chooseBin } from "../../src/add-server/choose-bin.ts";
import { parsePackageSpec, repositoryUrlOf } from "../../src/add-server/npm-package.ts";
import { idFromPackageName, idFromServerName } from "../../src/add-server/server-id.ts";

describe("server ids", () => {
  it.each([
    ["@modelcontextprotocol/server-memory", "memory"],
    ["@notionhq/notion-mcp-server", "notion"],
    ["mcp-server-kubernetes", "kubernetes"],
    ["firecrawl-mcp", "firecrawl"],
    ["@playwright/mcp", "playwright"],
    ["@acme/mcp-server", "acme"],
    ["Foo_Bar.JS", "foo-bar-js"],
  ])("the package %s gets the id %s", (name, id) => {
    expect(idFromPackageName(name)).toBe(id);
  });

  it("a registry name gives its last part, cleaned the same way", () => {
    expect(idFromServerName("io.github.acme/widgets-mcp")).toBe("widgets");
  });
});

describe("package specs and metadata", () => {
  it.each([
    ["foo-mcp", { name: "foo-mcp" }],
    ["foo-mcp@1.2.3", { name: "foo-mcp", version: "1.2.3" }],
    ["@acme/foo@latest", { name: "@acme/foo", version: "latest" }],
    ["@acme/foo", { name: "@acme/foo" }],
  ])("%s is %j", (spec, parsed) => {
    expect(parsePackageSpec(spec)).toEqual(parsed);
  });

  it.each([
    [{ type: "git", url: "git+https://github.com/a/b.git" }, "https://github.com/a/b"],
    ["github:a/b", "https://github.com/a/b"],
    ["a/b", "https://github.com/a/b"],
    [{ url: "git@github.com:a/b.git" }, "https://github.com/a/b"],
    [{ url: "git://github.com/a/b.git" }, "https://github.com/a/b"],
    ["not a url", undefined],
    [undefined, undefined],
  ])("the repository %j is browsed at %s", (repository, url) => {
    expect(repositoryUrlOf(repository)).toBe(url);
  });
});

describe("chooseBin", () => {
  it.each([
    ["the only bin", { "foo-mcp": "a.js" }, undefined, { name: "foo-mcp", mustName: false }],
    ["aliases of one file", { foo: "a.js", "foo-mcp": "./a.js" }, undefined, { name: "foo", mustName: false }],
    ["the bin named like the package", { "foo-mcp": "a.js", "foo-cli": "b.js" }, undefined, { name: "foo-mcp", mustName: true }],
    ["the only MCP-ish bin", { "foo-mcp-server": "a.js", foo: "b.js" }, undefined, { name: "foo-mcp-server", mustName: true }],
    ["the bin asked for", { a: "a.js", b: "b.js" }, "b", { name: "b", mustName: true }],
  ])("picks %s", (_, bins, requested, choice) => {
    expect(chooseBin("foo-mcp", bins, requested)).toEqual(choice);
  });

  it.each([
    ["no bin", {}, undefined, "foo-mcp declares no bin; the crawler starts a package's bin, so it cannot launch this one"],
    ["several with nothing to go by", { a: "a.js", b: "b.js" }, undefined, "foo-mcp has several bins (a, b): say which one starts the MCP server with --bin NAME"],
    ["an unknown --bin", { a: "a.js", b: "b.js" }, "c", 'foo-mcp has no bin "c": choose one of a, b'],
  ])("refuses %s, listing what there is", (_, bins, requested, message) => {
    expect(() => chooseBin("foo-mcp", bins, requested)).toThrow(message);
  });
});
