/// <reference types="astro/client" />
import { defineCollection } from "astro:content";
import path from "node:path";
import { readCatalog } from "./catalog/catalog-files.ts";
import { catalogServerSchema } from "./catalog/catalog-schema.ts";

/** The catalog folder; tests and the benchmark point it at a fixture. */
export const catalogDir = path.resolve(process.env.CATALOG_DIR || "catalog");

/**
 * One collection, one entry per server file. `readCatalog` validates every
 * file with `catalogServerSchema` (with friendly errors naming file and
 * field), so the loader stores the parsed data as is; the same schema gives
 * the collection its types. Parsing twice costs seconds at 10k tools.
 */
const servers = defineCollection({
  loader: {
    name: "catalog-loader",
    load: async ({ store, logger }) => {
      const catalog = await readCatalog(catalogDir);
      store.clear();
      for (const server of catalog) store.set({ id: server.id, data: server });
      logger.info(`${catalog.length} servers, ${catalog.reduce((n, s) => n + s.tools.length, 0)} tools from ${catalogDir}`);
    },
  },
  schema: catalogServerSchema,
});

export const collections = { servers };
