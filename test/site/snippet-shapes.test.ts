import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCatalog } from "../../src/catalog/catalog-files.ts";
import { cedarTargets, cedarToolSnippet, policySnippets, recommendRule, type RecommendableTool } from "../../src/policy/index.ts";
import { agentTextFor } from "../../src/site/agent-text.ts";
import { agentText, toolCedarSnippet, toolSnippets, writtenAsIs } from "../../src/site/snippet-shapes.ts";
import { categories, risks, verdictFlags } from "../../src/classify/verdict-schema.ts";

const same = (tool: RecommendableTool) => {
  const recommendation = recommendRule(tool);
  expect(toolSnippets(tool, recommendation), tool.name).toEqual(policySnippets(tool, recommendation));
  for (const target of cedarTargets) expect(toolCedarSnippet(recommendation, target), `${tool.name} ${target}`).toEqual(cedarToolSnippet(recommendation, target));
  const direct = policySnippets(tool, recommendation);
  for (const variant of ["deny", "hide", "require_approval"] as const) {
    const args = variant === "require_approval" && recommendation.spendCap ? { [recommendation.spendCap.parameter]: 1 } : {};
    expect(agentText(tool, recommendation, toolSnippets(tool, recommendation), variant, args), `${tool.name} ${variant}`).toBe(agentTextFor(direct, variant, tool.name, args));
  }
};

describe("a tool's snippets and simulated refusals rendered from its recommendation's shape", () => {
  it("equal the snippets and Cedar panels rendered for the tool itself, for every classified tool of the catalog", async () => {
    const servers = await readCatalog("catalog");
    let checked = 0;
    for (const server of servers) {
      for (const tool of server.tools) {
        if (!tool.verdict) continue;
        same({ ...tool, verdict: tool.verdict });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1_000);
  });

  it("equal them for generated names and verdicts, names written as they are or not", () => {
    const name = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,30}$/), fc.constantFrom("yes", "On", "null", "a.b", "with space", "quote\"d", "ünïcode", "__proto__", "x:y", "#hash"));
    const verdict = fc.record({ category: fc.constantFrom(...categories), risk: fc.constantFrom(...risks), flags: fc.subarray([...verdictFlags]) });
    const parameters = fc.constantFrom([], [{ name: "amount", type: "number", required: true }], [{ name: "amount", type: "integer", required: false }]);
    fc.assert(fc.property(name, verdict, parameters, (n, v, p) => same({ name: n, verdict: v, parameters: p } as unknown as RecommendableTool)), { numRuns: 300 });
  });

  it("renders directly a name that YAML would quote or the proxy could not count", () => {
    expect(["create_issue", "browser-navigate", "GetUser2"].map(writtenAsIs)).toEqual([true, true, true]);
    expect(["yes", "a.b", "with space", "_private", "ünïcode"].map(writtenAsIs)).toEqual([false, false, false, false, false]);
  });
});
