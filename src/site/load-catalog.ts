import { getCollection } from "astro:content";
import { buildCatalogIndex, type CatalogIndex } from "./catalog-index.ts";

let cached: Promise<CatalogIndex> | undefined;

/**
 * The catalog as every page sees it, built once per build from the one
 * content collection: home, server pages, llms.txt and catalog.json read the
 * same counts.
 */
export function loadCatalog(): Promise<CatalogIndex> {
  cached ??= getCollection("servers").then((entries) => buildCatalogIndex(entries.map((e) => e.data)));
  return cached;
}
