import { describeParameterCounts } from "../classify/index.ts";
import type { CatalogTool } from "../catalog/catalog-schema.ts";
import { describeRecommendation, type PolicySnippet, type RuleRecommendation } from "../policy/index.ts";
import { agentTextFor } from "./agent-text.ts";
import type { FaqItem } from "./json-ld.ts";
import { displayName, firstSentence } from "./text-blocks.ts";
import { agentText } from "./snippet-shapes.ts";
import { policyParameters } from "./tool-facts.ts";

export interface ToolFaqInput {
  tool: CatalogTool & { verdict: NonNullable<CatalogTool["verdict"]> };
  serverName: string;
  recommendation: RuleRecommendation;
  snippets: readonly PolicySnippet[];
}

const actionWords: Record<RuleRecommendation["action"], string> = {
  allow: "allow it",
  require_approval: "hold each call for a person's approval",
  deny: "deny every call",
  hide: "hide it from the agent",
};

const cappedTexts = new Map<string, string | undefined>();

/** The proxy's refusal at a full counter names only the limit, so one simulation per limit serves every tool. */
function cappedText(snippets: readonly PolicySnippet[], tool: string, limit: string): string | undefined {
  if (!cappedTexts.has(limit)) cappedTexts.set(limit, agentTextFor(snippets, "rate_limit", tool));
  return cappedTexts.get(limit);
}

/**
 * Six or seven questions answered from this tool's own definition, verdict
 * and recommendation: no answer repeats the question or the tool's name.
 */
export function buildToolFaq({ tool, serverName, recommendation, snippets }: ToolFaqInput): FaqItem[] {
  const { verdict } = tool;
  const counts = describeParameterCounts(verdict.parameters);
  const description = tool.definition.description?.trim();
  const items: FaqItem[] = [];

  items.push({
    question: `What does ${displayName(tool.name, 80)} do?`,
    answer: description
      ? `${firstSentence(description, 300)} It is one of the tools of the ${serverName} server. ${counts}`
      : `The ${serverName} server sent no description for it, so only its name says what it does. ${counts}`,
  });

  // An overridden verdict's rationale opens with the maintainer's note, then the classifier's own reading.
  items.push({
    question: `Why is it classified as ${verdict.category} with ${verdict.risk} risk?`,
    answer: `${verdict.rationale} Confidence is ${verdict.confidence}, from ${verdict.signals.length} signals weighed.`,
  });

  const matters = policyParameters(tool.parameters);
  items.push({
    question: "Which of its parameters matter for a policy?",
    answer: tool.parameters.length === 0
      ? "It takes no parameters, so a policy can only allow, cap, hold or block the call as a whole."
      : matters.length === 0
        ? `${counts} None of them is a command, code, a path, a URL, a recipient or an amount, so a policy usually treats the call as a whole.`
        : `${counts} ${matters.map((m) => `${m.parameter.name} (${m.parameter.type}${m.parameter.required ? ", required" : ""}): ${m.why}`).join(" ")} Conditions test them as args.<name>.`,
  });

  const limit = recommendation.limit ? `${recommendation.limit.count} calls per ${recommendation.limit.window}` : undefined;
  const spendCap = recommendation.spendCap;
  const spend = spendCap && recommendation.action !== "deny" && recommendation.action !== "hide"
    ? ` The amounts in ${spendCap.parameter} are capped at ${spendCap.amount} per ${spendCap.window}${spendCap.required ? "" : `, and a call without ${spendCap.parameter} is refused`}.`
    : "";
  items.push({
    question: "What limit does the catalog recommend, and where does it come from?",
    answer: `The recommendation is to ${actionWords[recommendation.action]}${limit && recommendation.action !== "deny" && recommendation.action !== "hide" ? `, capped at ${limit}` : ""}.${spend} It comes from row ${recommendation.row + 1} of the recommendation table on the methodology page: ${describeRecommendation(recommendation)}`,
  });

  items.push({
    question: "How do I block it?",
    answer: `Use the Deny snippet: a rule with action: deny under tools.${displayName(tool.name, 80)} refuses every call while the agent still sees the tool. To remove it from the agent's tool list as well, use the Hide snippet, which lists it under hide.`,
  });

  const denied = agentText(tool, recommendation, snippets, "deny");
  const hidden = agentText(tool, recommendation, snippets, "hide");
  const capped = recommendation.action === "allow" && recommendation.limit ? cappedText(snippets, tool.name, `${recommendation.limit.count}/${recommendation.limit.window}`) : undefined;
  items.push({
    question: "What does the agent see when a call is denied?",
    answer: [
      denied && `With the Deny snippet it receives "${denied}".`,
      hidden && `With the Hide snippet the tool is not in its list, and a call anyway receives "${hidden}".`,
      capped && `With the recommended cap, the call after the last allowed one receives "${capped}".`,
    ].filter(Boolean).join(" "),
  });

  if (recommendation.action === "require_approval") {
    const args = recommendation.spendCap ? { [recommendation.spendCap.parameter]: 1 } : {};
    const held = agentText(tool, recommendation, snippets, "require_approval", args);
    items.push({
      question: "What happens while a call waits for approval?",
      answer: `The proxy holds the call for up to ${recommendation.approvalTimeout} until a person approves it; meanwhile the agent receives "${held ?? "an approval notice"}".`,
    });
  }
  return items;
}
