import { describe, expect, it } from "vitest";
import { emptyState, evaluateCall, explainCall, parsePolicy, type PolicyState, type ToolCall } from "../../src/policy/index.ts";
import { expandPolicy } from "../../src/playground/simulate-calls.ts";

const policy = expandPolicy(
  parsePolicy(`version: "1"
default: allow
hide: [drop_table]
tools:
  write_file:
    rules:
      - name: "no secrets"
        conditions:
          - path: args.path
            op: regex
            value: "^/tmp/"
          - path: args.size
            op: lt
            value: 1000
  create_issue:
    rules:
      - name: "hourly issue limit"
        rate_limit: 2/hour
  merge:
    rules:
      - name: "human approval"
        action: require_approval
  odd:
    rules:
      - name: "lazy match"
        conditions:
          - path: args.q
            op: regex
            value: "(?U)a+"
`).policy,
);

const now = new Date("2026-03-01T14:37:00Z");
function explain(call: ToolCall, state: PolicyState = emptyState()) {
  const decision = evaluateCall(policy, call, state, now);
  return { decision, lines: explainCall(policy, call, state, now, decision) };
}

describe("explainCall", () => {
  it("an allowed call names its rule, each condition with the value seen, and says why it was allowed", () => {
    const { decision, lines } = explain({ tool: "write_file", arguments: { path: "/tmp/a", size: 10 } });
    expect(decision.outcome).toBe("allowed");
    expect(lines).toEqual([
      'Matched tools."write_file": 1 rule, checked in order.',
      'rule "no secrets" (tools."write_file" rules[0]), action evaluate: 2 conditions, all must hold.',
      '  args.path regex "^/tmp/": saw "/tmp/a"; holds.',
      "  args.size lt 1000: saw 10; holds.",
      "Allowed: no rule denied the call and every counter it touches had room.",
    ]);
  });

  it("a denied call shows the failing condition's value and that the rest were not checked", () => {
    const { lines } = explain({ tool: "write_file", arguments: { path: "/etc/passwd", size: 10 } });
    expect(lines).toContain('  args.path regex "^/tmp/": saw "/etc/passwd"; fails.');
    expect(lines).toContain("  The other 1 condition is not checked: one failed.");
    expect(lines.at(-1)).toMatch(/^Denied by rule "no secrets"/);
  });

  it("an absent argument is reported as absent, not as a value", () => {
    const { lines } = explain({ tool: "write_file", arguments: { size: 10 } });
    expect(lines).toContain('  args.path regex "^/tmp/": the argument is absent; fails.');
  });

  it("a counter shows its count before and after, its limit and when its window resets", () => {
    const first = explain({ tool: "create_issue" });
    expect(first.lines).toContain("Counter create_issue._rate_hour (hour window, by 1): count 0 → 1 of limit 2, resets at 2026-03-01 15:00:00 UTC.");
    const second = explain({ tool: "create_issue" }, first.decision.state);
    const third = explain({ tool: "create_issue" }, second.decision.state);
    expect(third.decision.outcome).toBe("denied");
    expect(third.lines).toContain("Counter create_issue._rate_hour (hour window, by 1): count 2 of limit 2, resets at 2026-03-01 15:00:00 UTC.");
    expect(third.lines.at(-1)).toMatch(/^Denied by rule "hourly issue limit" .*past the limit/);
  });

  it("a held call names the approval rule, and an approved one says the rule let it through", () => {
    expect(explain({ tool: "merge" }).lines.at(-1)).toMatch(/^Held for approval by rule "human approval" \(tools\."merge" rules\[0\]\)/);
    const approved = explain({ tool: "merge", approved: true });
    expect(approved.decision.outcome).toBe("allowed");
    expect(approved.lines).toContain('rule "human approval" (tools."merge" rules[0]), action require_approval: the call is approved, so the rule lets it through.');
  });

  it("a condition the simulator cannot run says so instead of claiming a decision", () => {
    const { decision, lines } = explain({ tool: "odd", arguments: { q: "aaa" } });
    expect(decision.outcome).toBe("cannot_simulate");
    expect(lines.some((line) => line.includes('args.q regex "(?U)a+": saw "aaa"; cannot simulate'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^Cannot simulate: rule "lazy match"/);
  });

  it.each([
    ["a hidden tool", { tool: "drop_table" }, /^Hidden: "drop_table" is in the hide list/],
    ["a tool with no rules under default: allow", { tool: "read_file" }, /^No rules apply: tools has no key "read_file"/],
  ])("%s is explained in one line", (_name, call, pattern) => {
    expect(explain(call).lines[0]).toMatch(pattern);
  });

  it("a long argument value from the agent is cut short", () => {
    const { lines } = explain({ tool: "write_file", arguments: { path: `/etc/${"x".repeat(500)}` } });
    const line = lines.find((l) => l.includes("args.path"))!;
    expect(line.length).toBeLessThan(160);
  });
});
