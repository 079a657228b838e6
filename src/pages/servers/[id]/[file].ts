import type { APIRoute, GetStaticPaths } from "astro";
import type { CatalogServer } from "../../../catalog/catalog-schema.ts";
import { loadCatalog } from "../../../site/load-catalog.ts";
import { serverPolicyYaml } from "../../../site/server-policy.ts";
import { policyFileName } from "../../../site/urls.ts";

/** `/servers/<id>/<id>.policy.yaml`: the server page's recommended policy, byte for byte. */
export const getStaticPaths = (async () => {
  const index = await loadCatalog();
  return index.servers
    .filter((server) => server.tools.length > 0)
    .map((server) => ({ params: { id: server.id, file: policyFileName(server.id) }, props: { server } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ server: CatalogServer }> = ({ props }) =>
  new Response(serverPolicyYaml(props.server), { headers: { "content-type": "application/yaml; charset=utf-8" } });
