import { emptyState, evaluateCall, type PolicySnippet, type SnippetVariant } from "../policy/index.ts";

/** A fixed instant, so the simulated calls (and so the pages) are the same on every build. */
const SIMULATED_AT = new Date(Date.UTC(2026, 0, 5, 12, 0, 0));

/** What the agent receives when the snippet of `variant` refuses a call, found by running the policy engine. */
export function agentTextFor(snippets: readonly PolicySnippet[], variant: SnippetVariant, tool: string, args: Record<string, unknown> = {}): string | undefined {
  const snippet = snippets.find((s) => s.variant === variant);
  if (!snippet) return undefined;
  let state = emptyState();
  // A capped tool is refused only once its counter is full: call until it is.
  for (let call = 0; call < 1_000; call++) {
    const decision = evaluateCall(snippet.policy, { tool, arguments: args }, state, SIMULATED_AT);
    if (decision.outcome !== "allowed") return decision.agentText;
    state = decision.state;
  }
  return undefined;
}
