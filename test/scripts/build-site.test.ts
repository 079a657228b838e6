import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite, resolveCatalogDir } from "../../scripts/build-site.ts";

const root = path.resolve(import.meta.dirname, "../..");

describe("which catalog the build reads", () => {
  it.each([
    ["--catalog alone", "fixtures/a", {}, "fixtures/a"],
    ["CATALOG_DIR alone", undefined, { CATALOG_DIR: "fixtures/b" }, "fixtures/b"],
    ["--catalog over CATALOG_DIR", "fixtures/a", { CATALOG_DIR: "fixtures/b" }, "fixtures/a"],
    ["neither", undefined, {}, "catalog"],
  ])("%s", (_, option, env, expected) => {
    expect(resolveCatalogDir(option, env)).toBe(path.resolve(root, expected));
  });

  it("a catalog folder that does not exist is a clear error before Astro starts", async () => {
    await expect(buildSite({ catalogDir: "no/such/catalog", skipSearch: true })).rejects.toThrow(/catalog folder .*no\/such\/catalog does not exist \(from --catalog\)/);
  });

  it("a catalog whose definitions hold an untouched add-server template is refused before Astro starts, naming the file and line", async () => {
    const catalogDir = mkdtempSync(path.join(os.tmpdir(), "template-catalog-"));
    mkdirSync(path.join(catalogDir, "servers"));
    const definition = `---
name: Widgets
summary: Manages widgets.
homepage: https://example.org
repository: https://example.org/repo
package: { registry: npm, name: widgets-mcp, version: 1.0.0 }
---
TODO(add-server): replace this body with your own description of the server.
`;
    writeFileSync(path.join(catalogDir, "servers", "widgets.md"), definition);
    writeFileSync(path.join(catalogDir, "servers", "edited.md"), definition.replace("TODO(add-server): replace this body with your own description of the server.", "Our own words."));
    await expect(buildSite({ catalogDir, skipSearch: true })).rejects.toThrow(
      `the site is not built while a server definition still holds the add-server template (TODO(add-server)):\n  ${path.join(catalogDir, "servers", "widgets.md")}:8: body: still the add-server template`,
    );
  });
});
