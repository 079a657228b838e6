import type { APIRoute, GetStaticPaths } from "astro";
import type { CatalogServer } from "../../../catalog/catalog-schema.ts";
import { cedarTargets } from "../../../policy/index.ts";
import { loadCatalog } from "../../../site/load-catalog.ts";
import { serverCedar, serverPolicyYaml } from "../../../site/server-policy.ts";
import { cedarFileName, policyFileName } from "../../../site/urls.ts";

interface ServerFile {
  /** The file's text: the server page's recommended policy byte for byte, or the same decisions for a Cedar gateway. */
  text: (server: CatalogServer) => string;
  type: string;
}

const files = (id: string): Array<[string, ServerFile]> => [
  [policyFileName(id), { text: serverPolicyYaml, type: "application/yaml; charset=utf-8" }],
  ...cedarTargets.map((target): [string, ServerFile] => [
    cedarFileName(id, target),
    { text: (server) => serverCedar(server, target).file, type: target === "toolhive" ? "application/yaml; charset=utf-8" : "text/plain; charset=utf-8" },
  ]),
];

/** `/servers/<id>/<id>.policy.yaml`, `<id>.toolhive.yaml` and `<id>.docker.cedar`: one recommendation, three gateways. */
export const getStaticPaths = (async () => {
  const index = await loadCatalog();
  return index.servers
    .filter((server) => server.tools.length > 0)
    .flatMap((server) => files(server.id).map(([file, served]) => ({ params: { id: server.id, file }, props: { server, served } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ server: CatalogServer; served: ServerFile }> = ({ props }) =>
  new Response(props.served.text(props.server), { headers: { "content-type": props.served.type } });
