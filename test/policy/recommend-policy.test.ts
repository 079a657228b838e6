import { describe, expect, it } from "vitest";
import { readCatalog } from "../../src/catalog/catalog-files.ts";
import { categories, risks, verdictFlags, type VerdictFlag } from "../../src/classify/verdict-schema.ts";
import {
  parsePolicy,
  policySnippets,
  recommendationTable,
  recommendPolicy,
  recommendRule,
  renderPolicy,
  validatePolicy,
  type RecommendableTool,
} from "../../src/policy/index.ts";

/** Every category x risk x (no flag | each flag), with and without an amount argument. */
const synthetic: RecommendableTool[] = categories.flatMap((category) =>
  risks.flatMap((risk) =>
    [[], ...verdictFlags.map((f) => [f])].flatMap((flags: VerdictFlag[]) =>
      [false, true].map((withAmount) => ({
        name: `${category}_${risk}_${flags[0] ?? "none"}_${withAmount ? "amount" : "plain"}`.toLowerCase(),
        parameters: withAmount ? [{ name: "amount", type: "integer", required: true }] : [],
        verdict: { category, risk, flags },
      })),
    ),
  ),
);

const hostileNames = ['quote"d', "colon: here", "<script>alert(1)</script>", "ünïcødé-工具", "line\nbreak", "__proto__", "a.b", "# not a comment", "- dash", "yes", "1.0", " padded "];
const hostile: RecommendableTool[] = hostileNames.map((name, i) => ({
  name,
  parameters: [{ name: "amount", type: "number", required: true }],
  verdict: { category: categories[i % categories.length]!, risk: risks[i % risks.length]!, flags: [] },
}));

function cleanly(text: string, tools: string[]) {
  return validatePolicy(text, { tools }).findings;
}

describe("every snippet is a complete policy the proxy accepts", () => {
  it.each(synthetic.concat(hostile).map((tool) => [tool.name, tool] as const))("snippets for %j validate with no errors and no warnings", (_name, tool) => {
    const snippets = policySnippets(tool);
    expect(snippets.filter((s) => s.recommended)).toHaveLength(1);
    for (const snippet of snippets) {
      expect(cleanly(snippet.yaml, [tool.name]), `${snippet.variant}:\n${snippet.yaml}`).toEqual([]);
      expect(parsePolicy(snippet.yaml).policy).toEqual(snippet.policy);
      expect(snippet.whenToUse).not.toMatch(/\n/);
    }
  });

  // The whole catalog (some 5,000 tools, five snippets each) takes its time on a shared two-core machine.
  it("every snippet of every classified tool in catalog/ validates with no errors and no warnings", { timeout: 180_000 }, async () => {
    const servers = await readCatalog("catalog");
    for (const server of servers) {
      const names = server.tools.map((t) => t.name);
      for (const tool of server.tools) {
        if (!tool.verdict) continue;
        for (const snippet of policySnippets({ ...tool, verdict: tool.verdict })) {
          expect(cleanly(snippet.yaml, names), `${server.id}/${tool.name} ${snippet.variant}`).toEqual([]);
        }
      }
      const classified = server.tools.flatMap((t) => (t.verdict ? [{ ...t, verdict: t.verdict }] : []));
      for (const posture of ["allow", "deny"] as const) {
        const { policy, comments } = recommendPolicy(classified, { default: posture, globalLimit: true });
        expect(cleanly(renderPolicy(policy, { comments }), names), server.id).toEqual([]);
      }
    }
  });
});

describe("the recommended policy agrees with each tool's snippets", () => {
  it.each(["allow", "deny"] as const)("a whole-server policy under default %s validates cleanly and uses the snippets' rules", (posture) => {
    const tools = synthetic.concat(hostile);
    const { policy, comments, recommendations } = recommendPolicy(tools, { default: posture, globalLimit: true });
    const text = renderPolicy(policy, { comments });
    expect(cleanly(text, tools.map((t) => t.name))).toEqual([]);
    for (const recommendation of recommendations) {
      const tool = tools.find((t) => t.name === recommendation.tool)!;
      const snippet = policySnippets(tool).find((s) => s.recommended)!;
      if (snippet.variant === "hide") expect(policy.hide).toContain(tool.name);
      else expect(policy.tools?.[tool.name]).toEqual(snippet.policy.tools?.[tool.name]);
    }
  });

  it("numbers come from the table row the tool matches", () => {
    const refund = recommendRule({ name: "create_refund", parameters: [{ name: "amount", type: "integer", required: true }], verdict: { category: "Financial", risk: "Critical", flags: [] } });
    const row = recommendationTable[refund.row]!;
    expect(refund).toMatchObject({ action: "require_approval", limit: row.limit, approvalTimeout: row.approvalTimeout, spendCap: { ...row.spendCap, parameter: "amount" } });
    const text = policySnippets({ name: "create_refund", parameters: [{ name: "amount", type: "integer", required: true }], verdict: { category: "Financial", risk: "Critical", flags: [] } })
      .find((s) => s.variant === "require_approval")!.yaml;
    expect(text).toContain(`rate_limit: ${row.limit.count}/${row.limit.window}`);
    expect(text).toContain(`value: ${row.spendCap!.amount}`);
    expect(text).toContain("increment_from: args.amount");
  });

  it.each<[string, RecommendableTool["verdict"], string]>([
    ["a low-risk read runs within a per-minute cap", { category: "Read", risk: "Low", flags: [] }, "allow 60/minute"],
    ["a medium-risk write is capped per hour", { category: "Write", risk: "Medium", flags: [] }, "allow 30/hour"],
    ["a high-risk execute waits for approval", { category: "Execute", risk: "High", flags: [] }, "require_approval 30/hour"],
    ["a critical destructive tool is denied", { category: "Destructive", risk: "Critical", flags: [] }, "deny 5/day"],
    ["a high-risk destructive tool waits for approval", { category: "Destructive", risk: "High", flags: [] }, "require_approval 10/hour"],
    ["a financial tool waits for approval", { category: "Financial", risk: "Critical", flags: [] }, "require_approval 10/day"],
    ["a tool with hidden instructions is hidden", { category: "Read", risk: "High", flags: ["hidden-instructions"] }, "hide 5/hour"],
  ])("%s", (_name, verdict, expected) => {
    const r = recommendRule({ name: "t", parameters: [], verdict });
    expect(`${r.action} ${r.limit?.count}/${r.limit?.window}`).toBe(expected);
  });

  it("every table row has a one-sentence why and covers every category and risk", () => {
    for (const row of recommendationTable) expect(row.why).toMatch(/^[A-Z][^\n]+\.$/);
    for (const category of categories) for (const risk of risks) expect(() => recommendRule({ name: "t", parameters: [], verdict: { category, risk, flags: [] } })).not.toThrow();
  });
});
