import type { CatalogServer } from "../catalog/catalog-schema.ts";
import { recommendPolicy } from "../policy/index.ts";
import { classifiedTools } from "./server-policy.ts";
import { policyFilePath } from "./urls.ts";

export interface SamplePolicy {
  /** The server the policy was recommended for; the playground selects it too. */
  serverId: string;
  /** The menu's words: the server and what its policy does. */
  label: string;
  /** The server's recommended policy file, as its page serves it. */
  url: string;
}

type Feature = "hide" | "deny" | "require_approval" | "rate limit" | "spend cap";

const featureWords: Record<Feature, (n: number) => string> = {
  hide: (n) => `${n} hidden`,
  deny: (n) => `${n} denied`,
  require_approval: (n) => `${n} held for approval`,
  "rate limit": (n) => `${n} rate-limited`,
  "spend cap": (n) => `${n} with a spend cap`,
};

/**
 * A handful of the catalog's own recommended policies, chosen so that
 * together they show every kind of rule the recommendations write (hidden
 * tools, denials, approvals, rate limits, spend caps); among servers adding
 * the same kinds, the one with fewer tools, as it reads faster. Once every
 * kind is shown, the smallest servers with the most kinds fill the menu.
 */
export function samplePolicies(servers: readonly CatalogServer[], max = 4): SamplePolicy[] {
  const candidates = servers
    .map((server) => ({ server, features: featuresOf(server) }))
    .filter((c) => c.features.size > 0)
    .sort((a, b) => a.server.tools.length - b.server.tools.length || a.server.id.localeCompare(b.server.id));
  const covered = new Set<Feature>();
  const chosen: typeof candidates = [];
  while (chosen.length < max) {
    let best: (typeof candidates)[number] | undefined;
    let bestGain = 0;
    for (const c of candidates) {
      if (chosen.includes(c)) continue;
      const gain = [...c.features.keys()].filter((f) => !covered.has(f)).length;
      if (gain > bestGain) [best, bestGain] = [c, gain];
    }
    // Every kind shown: the rest of the menu goes to the smallest servers with the most kinds.
    best ??= candidates.filter((c) => !chosen.includes(c)).sort((a, b) => b.features.size - a.features.size)[0];
    if (!best) break;
    chosen.push(best);
    for (const f of best.features.keys()) covered.add(f);
  }
  return chosen.map(({ server, features }) => ({
    serverId: server.id,
    label: `${server.name}: ${server.tools.length} tools, ${[...features].map(([f, n]) => featureWords[f](n)).join(", ")}`,
    url: policyFilePath(server.id),
  }));
}

/** How many tools of the recommended policy get each kind of rule. */
function featuresOf(server: CatalogServer): Map<Feature, number> {
  const counts = new Map<Feature, number>();
  const bump = (f: Feature) => counts.set(f, (counts.get(f) ?? 0) + 1);
  const { policy, recommendations } = recommendPolicy(classifiedTools(server));
  for (const r of recommendations) {
    const rules = policy.tools?.[r.tool]?.rules ?? [];
    if (r.action === "hide") bump("hide");
    else if (r.action === "deny") bump("deny");
    else if (r.action === "require_approval") bump("require_approval");
    if (rules.some((rule) => rule.state?.increment_from)) bump("spend cap");
    else if (rules.some((rule) => rule.rate_limit || rule.state)) bump("rate limit");
  }
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b)));
}
