import type { CatalogServer, CatalogTool } from "../catalog/catalog-schema.ts";
import type { Verdict } from "../classify/verdict-schema.ts";
import { recommendPolicy, renderPolicy } from "../policy/index.ts";

export type ClassifiedTool = CatalogTool & { verdict: Verdict };

export const classifiedTools = (server: CatalogServer): ClassifiedTool[] =>
  server.tools.filter((t): t is ClassifiedTool => t.verdict !== undefined);

const cache = new WeakMap<CatalogServer, string>();

/**
 * The recommended whole-server policy, rendered once per server: the server
 * page shows it and the `.policy.yaml` endpoint serves the same text.
 */
export function serverPolicyYaml(server: CatalogServer): string {
  let yaml = cache.get(server);
  if (yaml === undefined) {
    const { policy, comments } = recommendPolicy(classifiedTools(server), {
      description: `Recommended policy for ${server.name} (${server.id}), from the MCP Tool Catalog`,
    });
    yaml = renderPolicy(policy, { comments });
    cache.set(server, yaml);
  }
  return yaml;
}
