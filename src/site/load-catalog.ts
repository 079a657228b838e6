/// <reference types="astro/client" />
import { getCollection } from "astro:content";
import type { CatalogServer } from "../catalog/catalog-schema.ts";
import { buildCatalogIndex, type CatalogIndex } from "./catalog-index.ts";

let cached: Promise<CatalogIndex> | undefined;

/**
 * The catalog as every page sees it, built once per build from the one
 * content collection: home, server pages, llms.txt and catalog.json read the
 * same counts. (Typed here so `tsc` needs no generated `.astro` types.)
 */
export function loadCatalog(): Promise<CatalogIndex> {
  cached ??= (getCollection("servers") as Promise<{ data: CatalogServer }[]>).then((entries) => buildCatalogIndex(entries.map((e) => e.data)));
  return cached;
}
