import type { APIRoute } from "astro";
import { loadCatalog } from "../site/load-catalog.ts";
import { sitemapXml } from "../site/machine-files.ts";

export const GET: APIRoute = async ({ site }) =>
  new Response(sitemapXml(await loadCatalog(), site ?? new URL("http://localhost:4321")), { headers: { "content-type": "application/xml" } });
