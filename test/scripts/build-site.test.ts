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
});
