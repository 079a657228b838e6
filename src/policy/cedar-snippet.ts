import { cedarComment } from "./cedar-text.ts";
import type { RuleRecommendation } from "./recommend-rule.ts";
import { renderCedar, type CedarTarget } from "./render-cedar.ts";

export interface CedarSnippet {
  /** Cedar text to add to a gateway's policy set: where it goes, what it cannot enforce, then the statement. */
  text: string;
  /** What the recommendation asks for that the gateway cannot enforce, one sentence each (also `// Not expressed:` lines of `text`). */
  unexpressed: string[];
}

/** Where a tool's statement goes: Cedar statements add up, so one tool's is a piece of the gateway's policy set, not a whole file. */
const placement: Record<CedarTarget, string> = {
  toolhive: "ToolHive: add the policy below to cedar.policies in the authorization config.",
  docker: "Docker MCP gateway: add the statement below to the organisation's MCP policy.",
};

/**
 * One tool's recommended decision for a Cedar gateway, as a tool page shows
 * it. Cedar denies what nothing permits and a forbid beats any permit, so
 * the statement keeps its meaning whatever else the policy set holds.
 */
export function cedarToolSnippet(recommendation: RuleRecommendation, target: CedarTarget): CedarSnippet {
  const { policies, unexpressed } = renderCedar([recommendation], target);
  const notes = unexpressed.map((line) => `// Not expressed: ${cedarComment(line)}\n`).join("");
  return { text: `// ${placement[target]}\n${notes}\n${policies}`, unexpressed };
}
