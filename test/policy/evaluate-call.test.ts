import { describe, expect, it } from "vitest";
import { emptyState, evaluateCall, parsePolicy, type Decision, type PolicyState } from "../../src/policy/index.ts";

function policyOf(text: string) {
  const parsed = parsePolicy(text);
  expect(parsed.findings).toEqual([]);
  return parsed.policy;
}

function conditionPolicy(op: string, value: string, path = "args.x") {
  return policyOf(`version: "1"\ntools:\n  t:\n    rules:\n      - name: check\n        conditions:\n          - path: ${path}\n            op: ${op}\n            value: ${value}\n`);
}

const noon = new Date("2026-03-02T12:00:00Z");

describe("each operator decides as the proxy's does", () => {
  it.each<[string, string, string, Record<string, unknown>, Decision["outcome"]]>([
    ["eq matches equal numbers", "eq", "5", { x: 5 }, "allowed"],
    ["eq compares the string \"5\" and the number 5 by their text", "eq", "5", { x: "5" }, "allowed"],
    ["eq does not read \"5.0\" as 5", "eq", "5", { x: "5.0" }, "denied"],
    ["eq compares true and \"true\" by their text", "eq", "true", { x: "true" }, "allowed"],
    ["eq on a missing argument fails", "eq", "5", {}, "denied"],
    ["an argument number 1000000 prints as 1e+06, so it is not the string \"1000000\"", "eq", '"1000000"', { x: 1000000 }, "denied"],
    ["neq passes different values", "neq", "draft", { x: "final" }, "allowed"],
    ["neq on a missing argument fails: absence never passes", "neq", "draft", {}, "denied"],
    ["in finds the value in the list", "in", "[usd, eur]", { x: "eur" }, "allowed"],
    ["in compares numbers numerically", "in", "[1, 2]", { x: 2.0 }, "allowed"],
    ["in fails for a value not listed", "in", "[usd, eur]", { x: "gbp" }, "denied"],
    ["not_in passes a value not listed", "not_in", "[admin]", { x: "user" }, "allowed"],
    ["not_in on a missing argument fails", "not_in", "[admin]", {}, "denied"],
    ["lt compares numbers", "lt", "100", { x: 99.5 }, "allowed"],
    ["lt fails at the bound", "lt", "100", { x: 100 }, "denied"],
    ["lte passes at the bound", "lte", "100", { x: 100 }, "allowed"],
    ["lte does not parse a numeric string", "lte", "100", { x: "5" }, "denied"],
    ["gt compares numbers", "gt", "0", { x: 1 }, "allowed"],
    ["gte passes at the bound", "gte", "1", { x: 1 }, "allowed"],
    ["gte fails for a boolean", "gte", "0", { x: true }, "denied"],
    ["regex searches anywhere in the string", "regex", '"feat/"', { x: "refs/feat/x" }, "allowed"],
    ["regex honours (?i)", "regex", '"(?i)^MAIN$"', { x: "main" }, "allowed"],
    ["regex fails on a number", "regex", '"^1$"', { x: 1 }, "denied"],
    ["contains finds a substring", "contains", "test", { x: "my test run" }, "allowed"],
    ["contains finds a list element", "contains", "admin", { x: ["user", "admin"] }, "allowed"],
    ["contains fails on a number", "contains", "1", { x: 1 }, "denied"],
    ["exists true passes a present argument", "exists", "true", { x: 0 }, "allowed"],
    ["exists true fails a null argument", "exists", "true", { x: null }, "denied"],
    ["exists false passes an absent argument", "exists", "false", {}, "allowed"],
  ])("%s", (_name, op, value, args, outcome) => {
    expect(evaluateCall(conditionPolicy(op, value), { tool: "t", arguments: args }, emptyState(), noon).outcome).toBe(outcome);
  });

  it.each<[string, Record<string, unknown>, Decision["outcome"]]>([
    ["a dotted path reads nested arguments", { config: { branch: "main" } }, "allowed"],
    ["a dotted path through a missing level fails", { config: {} }, "denied"],
    ["a dotted path does not descend into lists", { config: [{ branch: "main" }] }, "denied"],
  ])("%s", (_name, args, outcome) => {
    const policy = conditionPolicy("eq", "main", "args.config.branch");
    expect(evaluateCall(policy, { tool: "t", arguments: args }, emptyState(), noon).outcome).toBe(outcome);
  });
});

describe("hide, default deny and rule order", () => {
  const policy = policyOf(`version: "1"
default: deny
hide: [secret]
tools:
  secret:
    rules: []
  listed:
    rules: []
  blocked:
    rules:
      - name: first
        action: deny
        on_deny: first says no
      - name: second
        action: deny
        on_deny: second says no
  guarded:
    rules:
      - name: own rule
        conditions:
          - {path: args.ok, op: eq, value: true}
        on_deny: own rule says no
  "*":
    rules:
      - name: wildcard rule
        conditions:
          - {path: args.force, op: exists, value: false}
        on_deny: wildcard says no
`);
  it.each<[string, string, Record<string, unknown>, Partial<Decision>]>([
    ["a hidden tool is denied as hidden", "secret", {}, { outcome: "denied", reason: "hidden", agentText: '[INTERCEPT POLICY DENIED] Tool "secret" is hidden by policy' }],
    ["an unlisted tool is denied under default deny, and \"*\" does not rescue it", "unlisted", {}, { outcome: "denied", reason: "not_listed", message: 'Tool "unlisted" is not permitted by policy' }],
    ["a listed tool with no rules is allowed", "listed", {}, { outcome: "allowed" }],
    ["\"*\" rules also apply to listed tools", "listed", { force: true }, { outcome: "denied", message: "wildcard says no", rule: { tool: "*", index: 0, name: "wildcard rule" } }],
    ["the first denying rule decides", "blocked", {}, { outcome: "denied", message: "first says no", rule: { tool: "blocked", index: 0, name: "first" } }],
    ["the tool's own rules run before \"*\" rules", "guarded", { ok: false, force: true }, { outcome: "denied", message: "own rule says no" }],
    ["a call passing every rule is allowed", "guarded", { ok: true }, { outcome: "allowed" }],
  ])("%s", (_name, tool, args, expected) => {
    expect(evaluateCall(policy, { tool, arguments: args }, emptyState(), noon)).toMatchObject(expected);
  });

  it('hide: ["*"] hides every tool', () => {
    const all = policyOf(`version: "1"\nhide: ["*"]\n`);
    expect(evaluateCall(all, { tool: "anything" }, emptyState(), noon).message).toBe('Tool "anything" is hidden by policy');
  });

  it("a deny rule without on_deny uses the proxy's default text", () => {
    const bare = policyOf(`version: "1"\ntools:\n  t:\n    rules:\n      - name: stop\n        action: deny\n`);
    expect(evaluateCall(bare, { tool: "t" }, emptyState(), noon).message).toBe('Denied by rule "stop"');
  });
});

/** Runs calls in order, threading the state, and returns each outcome. */
function run(policy: ReturnType<typeof policyOf>, calls: Array<{ tool: string; at: string; arguments?: Record<string, unknown> }>, state: PolicyState = emptyState()) {
  const outcomes: string[] = [];
  for (const call of calls) {
    const decision = evaluateCall(policy, { tool: call.tool, arguments: call.arguments ?? {} }, state, new Date(call.at));
    outcomes.push(decision.outcome === "allowed" ? "allowed" : `${decision.outcome}: ${decision.message}`);
    state = decision.state;
  }
  return { outcomes, state };
}

describe("counters use fixed UTC calendar windows", () => {
  const hourly = policyOf(`version: "1"\ntools:\n  create_issue:\n    rules:\n      - name: hourly issue limit\n        rate_limit: 5/hour\n`);

  it("a 5/hour limit allows 5 calls in one UTC hour, denies the 6th, and resets at the next hour", () => {
    const times = ["14:00:00", "14:10:00", "14:20:00", "14:30:00", "14:59:58", "14:59:59", "15:00:00"];
    const { outcomes } = run(hourly, times.map((t) => ({ tool: "create_issue", at: `2026-03-02T${t}Z` })));
    expect(outcomes).toEqual([
      "allowed",
      "allowed",
      "allowed",
      "allowed",
      "allowed",
      "denied: Rate limit of 5 per hour reached. Try again later.",
      "allowed",
    ]);
  });

  it("the window is the calendar hour, not 60 minutes after the first call", () => {
    const times = ["14:59:00", "14:59:01", "14:59:02", "14:59:03", "14:59:04", "15:00:01"];
    const { outcomes } = run(hourly, times.map((t) => ({ tool: "create_issue", at: `2026-03-02T${t}Z` })));
    expect(outcomes.at(-1)).toBe("allowed");
  });

  it("the state is plain JSON and the input state is left unchanged", () => {
    const before = emptyState();
    const decision = evaluateCall(hourly, { tool: "create_issue" }, before, new Date("2026-03-02T14:37:00Z"));
    expect(before).toEqual({ counters: {} });
    expect(JSON.parse(JSON.stringify(decision.state))).toEqual({
      counters: { "create_issue._rate_hour": { value: 1, window: "hour", windowStart: "2026-03-02T14:00:00.000Z" } },
    });
  });

  it("a \"*\" rate limit counts every tool in the _global scope", () => {
    const global = policyOf(`version: "1"\ntools:\n  "*":\n    rules:\n      - name: global\n        rate_limit: 2/minute\n`);
    const { outcomes, state } = run(global, [
      { tool: "a", at: "2026-03-02T14:00:01Z" },
      { tool: "b", at: "2026-03-02T14:00:02Z" },
      { tool: "c", at: "2026-03-02T14:00:03Z" },
    ]);
    expect(outcomes).toEqual(["allowed", "allowed", "denied: Rate limit of 2 per minute reached. Try again later."]);
    expect(Object.keys(state.counters)).toEqual(["_global._rate_minute"]);
  });

  it("when a later stateful rule denies, the earlier rule's reservation is rolled back", () => {
    const policy = policyOf(`version: "1"
tools:
  t:
    rules:
      - name: generous
        rate_limit: 100/hour
      - name: strict
        rate_limit: 1/minute
        on_deny: one a minute
`);
    const { outcomes, state } = run(policy, [
      { tool: "t", at: "2026-03-02T14:00:01Z" },
      { tool: "t", at: "2026-03-02T14:00:02Z" },
      { tool: "t", at: "2026-03-02T14:00:03Z" },
    ]);
    expect(outcomes).toEqual(["allowed", "denied: one a minute", "denied: one a minute"]);
    expect(state.counters["t._rate_hour"]?.value).toBe(1);
    expect(state.counters["t._rate_minute"]?.value).toBe(1);
  });

  it("a spend cap adds up increment_from amounts and denies the call that would pass it", () => {
    const policy = policyOf(`version: "1"
tools:
  create_charge:
    rules:
      - name: daily spend cap
        conditions:
          - {path: state.create_charge.spend, op: lte, value: 1000}
        on_deny: daily spend cap reached
        state: {counter: spend, window: day, increment_from: args.amount}
`);
    const { outcomes, state } = run(policy, [
      { tool: "create_charge", at: "2026-03-02T09:00:00Z", arguments: { amount: 600 } },
      { tool: "create_charge", at: "2026-03-02T10:00:00Z", arguments: { amount: 500 } },
      { tool: "create_charge", at: "2026-03-02T11:00:00Z", arguments: { amount: 400 } },
      { tool: "create_charge", at: "2026-03-02T12:00:00Z", arguments: { amount: 1 } },
      { tool: "create_charge", at: "2026-03-03T00:00:00Z", arguments: { amount: 1000 } },
    ]);
    expect(outcomes).toEqual(["allowed", "denied: daily spend cap reached", "allowed", "denied: daily spend cap reached", "allowed"]);
    expect(state.counters["create_charge.spend"]).toEqual({ value: 1000, window: "day", windowStart: "2026-03-03T00:00:00.000Z" });
  });

  it("a call without the increment_from argument is denied as the proxy's internal error, counting nothing", () => {
    const policy = policyOf(`version: "1"\ntools:\n  pay:\n    rules:\n      - name: cap\n        conditions:\n          - {path: state.pay.spend, op: lt, value: 100}\n        state: {counter: spend, window: day, increment_from: args.amount}\n`);
    const decision = evaluateCall(policy, { tool: "pay", arguments: { amount: "5" } }, emptyState(), noon);
    expect(decision).toMatchObject({ outcome: "denied", reason: "internal_error", message: "Internal policy error", state: { counters: {} } });
  });
});

describe("approval", () => {
  const policy = policyOf(`version: "1"
tools:
  refund:
    rules:
      - name: daily cap
        rate_limit: 2/day
      - name: human approval
        action: require_approval
        approval_timeout: 30m
        on_deny: A person must approve this call before it runs.
  big_only:
    rules:
      - name: approve big refunds
        action: require_approval
        conditions:
          - {path: args.amount, op: gt, value: 100}
`);

  it("a call held for approval says so with the approval prefix and counts nothing", () => {
    const decision = evaluateCall(policy, { tool: "refund" }, emptyState(), noon);
    expect(decision).toMatchObject({
      outcome: "approval_required",
      reason: "approval",
      rule: { tool: "refund", index: 1, name: "human approval" },
      agentText: "[INTERCEPT APPROVAL REQUIRED] A person must approve this call before it runs.",
      state: { counters: {} },
    });
  });

  it("an approved call runs and counts against the cap", () => {
    let state = emptyState();
    const outcomes = [1, 2, 3].map(() => {
      const decision = evaluateCall(policy, { tool: "refund", approved: true }, state, noon);
      state = decision.state;
      return decision.outcome;
    });
    expect(outcomes).toEqual(["allowed", "allowed", "denied"]);
  });

  it.each<[string, number, Decision["outcome"]]>([
    ["an approval rule with conditions holds calls that match them", 500, "approval_required"],
    ["an approval rule with conditions lets other calls through", 50, "allowed"],
  ])("%s", (_name, amount, outcome) => {
    expect(evaluateCall(policy, { tool: "big_only", arguments: { amount } }, emptyState(), noon).outcome).toBe(outcome);
  });
});

describe("a condition the engine cannot evaluate is never turned into a decision", () => {
  // `(?i:...)` is valid RE2 (Go) but has no JavaScript equivalent in this translation.
  const policy = (extra = "") =>
    policyOf(`version: "1"\ntools:\n  push:\n    rules:\n${extra}      - name: protect main\n        conditions:\n          - path: args.branch\n            op: regex\n            value: "^(?i:feat)/"\n          - path: args.force\n            op: neq\n            value: true\n        on_deny: "feature branches only"\n      - name: hourly\n        rate_limit: 5/hour\n`);

  it("a call the untranslatable regex decides is cannot_simulate, names the rule and the reason, and counts nothing", () => {
    const decision = evaluateCall(policy(), { tool: "push", arguments: { branch: "FEAT/x", force: false } }, emptyState(), noon);
    expect(decision).toEqual({
      outcome: "cannot_simulate",
      reason: "cannot_simulate",
      rule: { tool: "push", index: 0, name: "protect main" },
      message: 'cannot simulate this rule: regex "^(?i:feat)/" is valid for the proxy, but this simulator cannot evaluate it: flags are only supported at the very start of the pattern',
      state: emptyState(),
    });
    expect(decision.agentText).toBeUndefined();
  });

  it("another condition of the rule that fails still denies, as the proxy would whatever the regex says", () => {
    const decision = evaluateCall(policy(), { tool: "push", arguments: { branch: "feat/x", force: true } }, emptyState(), noon);
    expect([decision.outcome, decision.message]).toEqual(["denied", "feature branches only"]);
  });

  it("the regex fails on an absent argument whatever its pattern, so the rule denies", () => {
    expect(evaluateCall(policy(), { tool: "push", arguments: { force: false } }, emptyState(), noon).outcome).toBe("denied");
  });

  it("an earlier rule that denies decides before the undecidable one is reached", () => {
    const first = `      - name: closed\n        action: deny\n`;
    expect(evaluateCall(policy(first), { tool: "push", arguments: { branch: "feat/x", force: false } }, emptyState(), noon).outcome).toBe("denied");
  });

  it("an approval rule whose condition cannot be evaluated is undecided unless a later rule denies outright", () => {
    const approval = policyOf(`version: "1"\ntools:\n  push:\n    rules:\n      - name: review\n        action: require_approval\n        conditions:\n          - path: args.branch\n            op: regex\n            value: "(?U)a+"\n`);
    const undecided = evaluateCall(approval, { tool: "push", arguments: { branch: "aa" } }, emptyState(), noon);
    expect([undecided.outcome, undecided.rule?.name]).toEqual(["cannot_simulate", "review"]);
    expect(evaluateCall(approval, { tool: "push", arguments: { branch: "aa" }, approved: true }, emptyState(), noon).outcome).toBe("allowed");
  });
});
