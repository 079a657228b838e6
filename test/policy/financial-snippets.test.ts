/**
 * Issue #15, item 13: a Financial snippet's comment says what its file
 * does about money, and nothing more. Read over the whole committed
 * catalog, each comment against the rules of its own file.
 */
import { describe, expect, it } from "vitest";
import { readCatalog } from "../../src/catalog/catalog-files.ts";
import { emptyState, evaluateCall, policySnippets, recommendRule, validatePolicy, type Rule } from "../../src/policy/index.ts";

const comment = (yaml: string) => yaml.split("\n").filter((line) => line.trimStart().startsWith("#")).map((line) => line.replace(/^\s*#\s?/, "")).join(" ");

/** What the rules do about money, read from the rules alone. */
function moneyRules(rules: readonly Rule[]) {
  const spend = rules.find((rule) => rule.state?.increment_from !== undefined);
  const parameter = spend?.state?.increment_from?.replace(/^args\./, "");
  const limit = spend?.conditions?.find((c) => c.op === "lte")?.value;
  const guarded = rules.some((rule) => rule.conditions?.some((c) => c.op === "exists" && c.path === `args.${parameter}` && c.value === true));
  return { spend, parameter, limit, window: spend?.state?.window, guarded, approval: rules.some((r) => r.action === "require_approval") };
}

const financialTools = (await readCatalog("catalog")).flatMap((server) =>
  server.tools.flatMap((tool) => (tool.verdict?.category === "Financial" ? [{ server: server.id, tool: { ...tool, verdict: tool.verdict } }] : [])));

describe("every Financial snippet in the catalog says what its file does about money", () => {
  it("finds Financial tools in the catalog, among them one with an optional amount", () => {
    expect(financialTools.length).toBeGreaterThan(10);
    expect(financialTools.some(({ tool }) => recommendRule(tool).spendCap?.required === false)).toBe(true);
  });

  it.each(financialTools.map(({ server, tool }) => [`${server}/${tool.name}`, tool] as const))("%s: each snippet's comment and its rules agree", (_name, tool) => {
    const recommendation = recommendRule(tool);
    for (const snippet of policySnippets(tool, recommendation)) {
      const text = comment(snippet.yaml);
      const rules = snippet.policy.tools?.[tool.name]?.rules ?? [];
      const money = moneyRules(rules);
      const where = `${snippet.variant}:\n${snippet.yaml}`;
      // The old promise, true of no file: "amounts are capped per day where the tool takes one".
      expect(text, where).not.toMatch(/where the tool takes one/);
      if (money.spend) {
        expect(text, where).toContain(`The daily total of ${money.parameter} is capped at ${money.limit}, in its own unit.`);
        expect(money.window, where).toBe("day");
      } else {
        expect(text, where).not.toMatch(/capped at|total of/);
      }
      // A call without an optional amount cannot be counted: the file refuses it and the comment says so.
      const optional = tool.parameters.find((p) => p.name === money.parameter)?.required === false;
      expect(money.guarded, where).toBe(Boolean(money.spend) && optional);
      expect(text.includes(`A call without ${money.parameter} (such as a full refund) is refused`), where).toBe(money.guarded);
      // "No spend cap" is said only of a tool with no amount to count, and then no file counts one.
      if (text.includes("No spend cap")) expect(recommendation.spendCap, where).toBeUndefined();
      // The approval is named as the recommendation's, never as what a deny or hide file does.
      expect(text, where).not.toMatch(/so a person approves every call/);
      if (/the recommendation is that a person approves/.test(text)) expect(recommendation.action).toBe("require_approval");
      // And the file is one the proxy loads without a word.
      expect(validatePolicy(snippet.yaml, { tools: [tool.name] }).findings, where).toEqual([]);
    }
  });

  it("caps the daily refunds of stripe's create_refund and refuses a refund with no amount, with a reason", () => {
    const refund = financialTools.find(({ server, tool }) => server === "stripe" && tool.name === "create_refund")!.tool;
    const snippet = policySnippets(refund).find((s) => s.variant === "rate_limit")!;
    const policy = validatePolicy(snippet.yaml).policy;
    const at = new Date("2026-03-01T10:00:00Z");
    const call = (args: Record<string, unknown>, state = emptyState()) => evaluateCall(policy, { tool: "create_refund", arguments: { payment_intent: "pi_1", ...args } }, state, at);
    const full = call({});
    expect(full.outcome).toBe("denied");
    expect(full.message).toContain("Give amount: a call without it (such as a full refund) cannot be counted");
    const first = call({ amount: 9_000 });
    expect(first.outcome).toBe("allowed");
    expect(call({ amount: 1_001 }, first.state).outcome).toBe("denied");
    expect(call({ amount: 1_000 }, first.state).outcome).toBe("allowed");
  });
});
