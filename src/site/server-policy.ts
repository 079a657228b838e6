import type { CatalogServer, CatalogTool } from "../catalog/catalog-schema.ts";
import type { Verdict } from "../classify/verdict-schema.ts";
import { recommendPolicy, renderCedar, renderPolicy, type CedarRendering, type CedarTarget, type PolicyRecommendation } from "../policy/index.ts";

export type ClassifiedTool = CatalogTool & { verdict: Verdict };

export const classifiedTools = (server: CatalogServer): ClassifiedTool[] =>
  server.tools.filter((t): t is ClassifiedTool => t.verdict !== undefined);

const recommendations = new WeakMap<CatalogServer, PolicyRecommendation>();
const yamlCache = new WeakMap<CatalogServer, string>();
const cedarCache = new WeakMap<CatalogServer, Map<CedarTarget, CedarRendering>>();

/** One recommendation per server: the Intercept file and both Cedar files are written from it. */
function serverRecommendation(server: CatalogServer): PolicyRecommendation {
  let recommendation = recommendations.get(server);
  if (recommendation === undefined) {
    recommendation = recommendPolicy(classifiedTools(server), {
      description: `Recommended policy for ${server.name} (${server.id}), from the MCP Tool Catalog`,
    });
    recommendations.set(server, recommendation);
  }
  return recommendation;
}

/**
 * The recommended whole-server policy, rendered once per server: the server
 * page shows it and the `.policy.yaml` endpoint serves the same text.
 */
export function serverPolicyYaml(server: CatalogServer): string {
  let yaml = yamlCache.get(server);
  if (yaml === undefined) {
    const { policy, comments } = serverRecommendation(server);
    yaml = renderPolicy(policy, { comments });
    yamlCache.set(server, yaml);
  }
  return yaml;
}

/**
 * The same decisions for a Cedar gateway, under the same default as the
 * Intercept file (tools not named run), with what the gateway cannot enforce
 * listed in `unexpressed` and as comments in `file`.
 */
export function serverCedar(server: CatalogServer, target: CedarTarget): CedarRendering {
  let byTarget = cedarCache.get(server);
  if (byTarget === undefined) cedarCache.set(server, (byTarget = new Map()));
  let rendering = byTarget.get(target);
  if (rendering === undefined) {
    const { policy, recommendations: rules } = serverRecommendation(server);
    rendering = renderCedar(rules, target, { default: policy.default === "deny" ? "deny" : "allow" });
    byTarget.set(target, rendering);
  }
  return rendering;
}
