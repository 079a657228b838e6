import type { APIRoute } from "astro";
import { robotsTxt } from "../site/machine-files.ts";

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site ?? new URL("http://localhost:4321")), { headers: { "content-type": "text/plain; charset=utf-8" } });
