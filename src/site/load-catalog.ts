import path from "node:path";
import { readCatalog } from "../catalog/catalog-files.ts";
import { buildCatalogIndex, type CatalogIndex } from "./catalog-index.ts";

/** The catalog folder; tests and the benchmark point it at a fixture. */
export const catalogDir = path.resolve(process.env.CATALOG_DIR || "catalog");

let cached: Promise<CatalogIndex> | undefined;

/**
 * The catalog as every page sees it, read once per build by the one loader:
 * `readCatalog` validates each file with the crawler's own schema (errors
 * name the file and field), and home, server pages, llms.txt and
 * catalog.json all read the same counts from the index built here.
 * Not a content collection: Astro's data store keeps a second serialized
 * copy of every entry, which cost 2.5 GB at 10,000 tools (bench:build).
 */
export function loadCatalog(): Promise<CatalogIndex> {
  cached ??= readCatalog(catalogDir).then(buildCatalogIndex);
  return cached;
}
