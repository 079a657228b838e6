/**
 * Browser-safe: what `npm run scan` and the /scan/ page show for a tool
 * list, computed once so the terminal and the page agree: verdicts sorted
 * by risk, flags in words, and the recommended policy with its comments.
 */
import type { ToolDefinition } from "../catalog/tool-definition-schema.ts";
import { toolParameters } from "../catalog/tool-parameters.ts";
import { classifyTool } from "../classify/classify-tool.ts";
import type { ClassifyContext } from "../classify/classify-context.ts";
import type { Verdict, VerdictFlag } from "../classify/verdict-schema.ts";
import { categories, risks } from "../classify/verdict-words.ts";
import { describeParameterCounts } from "../classify/write-rationale.ts";
import { setOwn } from "../policy/own-property.ts";
import { recommendPolicy } from "../policy/recommend-policy.ts";
import { renderPolicy } from "../policy/render-policy.ts";

export interface ScannedTool {
  tool: ToolDefinition;
  verdict: Verdict;
}

/** Short words for each flag; the classifier's `flagRules` hold the long explanations. */
export const flagWords: Record<VerdictFlag, string> = {
  "no-description": "no description",
  "annotation-conflict": "annotations contradict what it does",
  "hidden-instructions": "hidden instructions to the model",
  "broken-schema": "broken input schema",
  oversized: "oversized definition",
};

export const flagsInWords = (flags: readonly VerdictFlag[]): string => flags.map((flag) => flagWords[flag]).join("; ");

/** "2 of 5 parameters required", without the classifier's sentence full stop. */
export const parametersInWords = (verdict: Pick<Verdict, "parameters">): string => describeParameterCounts(verdict.parameters).replace(/\.$/, "");

const riskRank = (verdict: Verdict) => risks.length - risks.indexOf(verdict.risk);

/** Highest risk first, then by category (Financial first), then by name in code-point order. */
export function byRisk(a: ScannedTool, b: ScannedTool): number {
  return (
    riskRank(a.verdict) - riskRank(b.verdict) ||
    categories.indexOf(b.verdict.category) - categories.indexOf(a.verdict.category) ||
    (a.tool.name < b.tool.name ? -1 : a.tool.name > b.tool.name ? 1 : 0)
  );
}

/** Classifies every tool and sorts the result by risk. */
export function scanTools(tools: readonly ToolDefinition[], context: ClassifyContext = {}): ScannedTool[] {
  return tools.map((tool) => ({ tool, verdict: classifyTool(tool, context) })).sort(byRisk);
}

export interface ScanPolicyOptions {
  default?: "allow" | "deny";
  /** Names the server in the policy's description line. */
  serverName?: string;
}

/**
 * The recommended whole-server policy, from the same table as the
 * catalog's server pages, with one comment per tool: its verdict (category,
 * risk, flags, confidence) and the reason for the rule it gets.
 */
export function scanPolicyYaml(scanned: readonly ScannedTool[], options: ScanPolicyOptions = {}): string {
  const recommendable = scanned.map(({ tool, verdict }) => ({ name: tool.name, parameters: toolParameters(tool), verdict }));
  const description = `Recommended policy for ${options.serverName ?? "a scanned server"}, from the MCP Tool Catalog's scan`;
  const { policy, comments } = recommendPolicy(recommendable, { default: options.default ?? "allow", description });
  const confidence = new Map(scanned.map(({ tool, verdict }) => [tool.name, verdict.confidence]));
  for (const name of Object.keys(comments)) {
    const level = confidence.get(name);
    // setOwn: a tool may be called "__proto__".
    if (level) setOwn(comments, name, `${comments[name]} Classified with ${level} confidence.`);
  }
  return renderPolicy(policy, { comments });
}
