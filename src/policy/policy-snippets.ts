import type { Policy, Rule } from "./policy-schema.ts";
import { approvalRule, canCount, capRule, denyRule, describeRecommendation, recommendRule, spendRules, type RecommendableTool, type RuleRecommendation } from "./recommend-rule.ts";
import { renderPolicy } from "./render-policy.ts";
import { setOwn } from "./own-property.ts";

export const snippetVariants = ["allow", "rate_limit", "require_approval", "deny", "hide"] as const;
export type SnippetVariant = (typeof snippetVariants)[number];

export interface PolicySnippet {
  variant: SnippetVariant;
  /** Short heading: "Rate limit", "Require approval"... */
  title: string;
  /** One line on when this variant is the right one. */
  whenToUse: string;
  /** The variant the recommendation table picks for this tool. */
  recommended: boolean;
  /** A complete policy file, valid for the proxy with no warnings. */
  policy: Policy;
  /** The same, rendered with a comment saying why. */
  yaml: string;
}

const titles: Record<SnippetVariant, string> = {
  allow: "Allow (allowlist)",
  rate_limit: "Rate limit",
  require_approval: "Require approval",
  deny: "Deny",
  hide: "Hide",
};

/**
 * The five ways to handle one tool, each a whole policy file, with the
 * numbers of `recommendRule` (the one table) so the tool page, the server
 * page and the playground never disagree. `rate_limit` is left out for a
 * tool whose name holds a dot: the proxy cannot count its calls. A page
 * that also shows the recommendation passes the one it computed.
 */
export function policySnippets(tool: RecommendableTool, recommendation: RuleRecommendation = recommendRule(tool)): PolicySnippet[] {
  const recommended = recommendedVariant(recommendation);
  const name = tool.name;
  // Every variant that lets calls through keeps the spend cap: the amounts moved are capped whoever decides the call.
  const spend: Rule[] = recommendation.spendCap ? spendRules(name, recommendation.spendCap) : [];
  const counted: Rule[] = [...(recommendation.limit ? [capRule(recommendation.limit)] : []), ...spend];
  const spent = recommendation.spendCap ? `, with ${recommendation.spendCap.parameter} capped at ${recommendation.spendCap.amount} per ${recommendation.spendCap.window}` : "";
  const cap = recommendation.limit ? `${recommendation.limit.count} calls per ${recommendation.limit.window}` : "no cap";

  const snippets: Array<Omit<PolicySnippet, "yaml" | "title" | "recommended">> = [
    {
      variant: "allow",
      whenToUse: `You list every tool the agent may use (default: deny); this one runs within ${cap}${spent}.`,
      policy: toolPolicy(name, "deny", counted),
    },
    ...(recommendation.limit
      ? [{
          variant: "rate_limit" as const,
          whenToUse: `The rest of the server stays open and this tool is slowed to ${cap}${spent}.`,
          policy: toolPolicy(name, "allow", counted),
        }]
      : []),
    {
      variant: "require_approval",
      whenToUse: `A person should see and approve each call (waiting up to ${recommendation.approvalTimeout})${spent}.`,
      policy: toolPolicy(name, "allow", [...counted, approvalRule(recommendation.approvalTimeout)]),
    },
    {
      variant: "deny",
      whenToUse: "The agent may see the tool but every call is refused with a reason it can read.",
      policy: toolPolicy(name, "allow", [denyRule()]),
    },
    {
      variant: "hide",
      whenToUse: "The agent should not even see the tool (or its description): it is removed from the tool list and refused if called.",
      policy: { version: "1", default: "allow", hide: [name], tools: {} },
    },
  ];
  return snippets.map((snippet) => ({
    ...snippet,
    title: titles[snippet.variant],
    recommended: snippet.variant === recommended,
    // The comment is written from this file's own rules: a cap it mentions is a cap it has.
    yaml: renderPolicy(snippet.policy, { comments: { [name]: describeRecommendation(recommendation, snippet.policy.tools?.[name]?.rules ?? []) } }),
  }));
}

export function recommendedVariant(recommendation: RuleRecommendation): SnippetVariant {
  switch (recommendation.action) {
    case "allow":
      return canCount(recommendation.tool) ? "rate_limit" : "allow";
    case "require_approval":
      return "require_approval";
    case "deny":
      return "deny";
    case "hide":
      return "hide";
  }
}

function toolPolicy(name: string, posture: "allow" | "deny", rules: Rule[]): Policy {
  const tools = {};
  setOwn(tools, name, { rules });
  return { version: "1", default: posture, tools };
}
