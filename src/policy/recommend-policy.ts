import type { Policy, ToolPolicy } from "./policy-schema.ts";
import { codePointOrder, WILDCARD } from "./policy-words.ts";
import { describeRecommendation, recommendedRules, recommendRule, capRule, type RecommendableTool, type RuleRecommendation } from "./recommend-rule.ts";
import { globalLimitRow } from "./recommendation-table.ts";
import type { RateLimit } from "./rate-limit.ts";
import { setOwn } from "./own-property.ts";

export interface RecommendOptions {
  /** `allow` (default): unlisted tools run; `deny`: only the tools listed run. */
  default?: "allow" | "deny";
  /** Add the table's cap on all calls together under `"*"`. */
  globalLimit?: boolean;
  /** The policy's description line. */
  description?: string;
}

export interface PolicyRecommendation {
  policy: Policy;
  /** One line per tool key (and `"*"`) for `renderPolicy(policy, { comments })`. */
  comments: Record<string, string>;
  /** Each tool's recommendation, in the policy's order. */
  recommendations: RuleRecommendation[];
}

/**
 * A whole server's policy from its classified tools. Every action and
 * number comes from `recommendationTable`, so it agrees with every tool's
 * snippets. Tools named `"*"` or with an empty name cannot be addressed and
 * are left out.
 */
export function recommendPolicy(tools: readonly RecommendableTool[], options: RecommendOptions = {}): PolicyRecommendation {
  const seen = new Set<string>();
  const recommendations = tools
    .filter((tool) => tool.name !== "" && tool.name !== WILDCARD && !seen.has(tool.name) && seen.add(tool.name))
    .map(recommendRule)
    .sort((a, b) => codePointOrder(a.tool, b.tool));

  const toolPolicies: Record<string, ToolPolicy> = {};
  const comments: Record<string, string> = {};
  const hide: string[] = [];
  for (const recommendation of recommendations) {
    if (recommendation.action === "hide") hide.push(recommendation.tool);
    else setOwn(toolPolicies, recommendation.tool, { rules: recommendedRules(recommendation) });
    setOwn(comments, recommendation.tool, describeRecommendation(recommendation));
  }
  if (options.globalLimit) {
    const limit: RateLimit = { ...globalLimitRow.limit };
    setOwn(toolPolicies, WILDCARD, { rules: [{ ...capRule(limit), name: "all calls cap" }] });
    setOwn(comments, WILDCARD, `Every tool. ${globalLimitRow.why}`);
  }

  const policy: Policy = {
    version: "1",
    ...(options.description ? { description: options.description } : {}),
    default: options.default ?? "allow",
    ...(hide.length ? { hide } : {}),
    tools: toolPolicies,
  };
  return { policy, comments, recommendations };
}
