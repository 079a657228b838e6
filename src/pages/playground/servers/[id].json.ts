import type { APIRoute, GetStaticPaths } from "astro";
import type { CatalogServer } from "../../../catalog/catalog-schema.ts";
import { serverToolsFile } from "../../../playground/server-tools.ts";
import { loadCatalog } from "../../../site/load-catalog.ts";

/** `/playground/servers/<id>.json`: the tool names and input schemas the playground checks against. */
export const getStaticPaths = (async () => {
  const index = await loadCatalog();
  return index.servers.filter((server) => server.tools.length > 0).map((server) => ({ params: { id: server.id }, props: { server } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ server: CatalogServer }> = ({ props }) =>
  new Response(JSON.stringify(serverToolsFile(props.server)), { headers: { "content-type": "application/json" } });
