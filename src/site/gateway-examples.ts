/**
 * The methodology page's mapping of each recommended action onto each
 * gateway, written by the same renderers as every page and file (for a tool
 * named `example_tool`), so the page cannot describe a mapping the code does
 * not make.
 */
import { categories, risks, verdictFlags, type Verdict } from "../classify/verdict-schema.ts";
import { cedarTargets, cedarToolSnippet, recommendPolicy, recommendRule, renderCedar, renderPolicy, type CedarTarget, type RecommendableTool, type RecommendedAction } from "../policy/index.ts";

export interface GatewayExample {
  action: RecommendedAction;
  /** The verdict the example tool was given to reach a row with this action. */
  verdict: Pick<Verdict, "category" | "risk" | "flags">;
  /** The Intercept file the server policy writes for the tool alone. */
  intercept: string;
  /** Each Cedar gateway's statement, comments left out, and what it cannot enforce. */
  cedar: Record<CedarTarget, { statement: string; unexpressed: string[] }>;
}

const actions: readonly RecommendedAction[] = ["allow", "require_approval", "deny", "hide"];

/** The first verdict (in the table's own vocabulary) whose recommendation takes `action`. */
function verdictFor(action: RecommendedAction): RecommendableTool["verdict"] | undefined {
  for (const flags of [[], ...verdictFlags.map((f) => [f])]) {
    for (const category of categories) {
      for (const risk of risks) {
        const verdict = { category, risk, flags };
        if (recommendRule({ name: "example_tool", parameters: [], verdict }).action === action) return verdict;
      }
    }
  }
  return undefined;
}

export function gatewayExamples(): GatewayExample[] {
  return actions.flatMap((action) => {
    const verdict = verdictFor(action);
    if (!verdict) return [];
    const tool: RecommendableTool = { name: "example_tool", parameters: [], verdict };
    const recommendation = recommendRule(tool);
    const cedar = Object.fromEntries(
      cedarTargets.map((target) => [
        target,
        {
          statement: renderCedar([recommendation], target).policies.split("\n").filter((line) => !line.startsWith("//")).join("\n").trim(),
          unexpressed: cedarToolSnippet(recommendation, target).unexpressed,
        },
      ]),
    ) as GatewayExample["cedar"];
    return [{ action, verdict, intercept: renderPolicy(recommendPolicy([tool]).policy), cedar }];
  });
}
