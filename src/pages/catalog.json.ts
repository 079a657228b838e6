import type { APIRoute } from "astro";
import { loadCatalog } from "../site/load-catalog.ts";
import { catalogJson } from "../site/machine-files.ts";

export const GET: APIRoute = async () =>
  new Response(catalogJson(await loadCatalog()), { headers: { "content-type": "application/json" } });
