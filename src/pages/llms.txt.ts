import type { APIRoute } from "astro";
import { loadCatalog } from "../site/load-catalog.ts";
import { llmsTxt } from "../site/machine-files.ts";

export const GET: APIRoute = async ({ site }) =>
  new Response(llmsTxt(await loadCatalog(), site ?? new URL("http://localhost:4321")), { headers: { "content-type": "text/plain; charset=utf-8" } });
