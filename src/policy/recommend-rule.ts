import type { Category, Risk, Verdict, VerdictFlag } from "../classify/verdict-schema.ts";
import type { Rule, Window } from "./policy-schema.ts";
import { formatRateLimit, type RateLimit } from "./rate-limit.ts";
import { amountParameterPattern, recommendationTable, type RecommendationRow, type RecommendedAction } from "./recommendation-table.ts";

/** What the recommender needs to know about a tool: a catalog tool with its verdict fits. */
export interface RecommendableTool {
  name: string;
  parameters: ReadonlyArray<{ name: string; type: string; required: boolean }>;
  verdict: Pick<Verdict, "category" | "risk" | "flags">;
}

export interface RuleRecommendation {
  tool: string;
  category: Category;
  risk: Risk;
  flags: readonly VerdictFlag[];
  action: RecommendedAction;
  /** The table row's cap; absent when the proxy cannot count this tool's calls (its name holds a dot). */
  limit?: RateLimit;
  approvalTimeout: string;
  /** A spend counter on the tool's amount argument; `required: false` adds a rule refusing calls without it (they cannot be counted). */
  spendCap?: SpendCap;
  why: string;
  /** Index of the deciding row in `recommendationTable`. */
  row: number;
}

export interface SpendCap {
  amount: number;
  window: Window;
  parameter: string;
  /** The tool's schema requires the amount; when it does not, a call can leave it out (a full refund). */
  required: boolean;
}

/** The table row that decides a verdict: the first that matches. */
export function matchingRow(verdict: RecommendableTool["verdict"]): { row: RecommendationRow; index: number } {
  const index = recommendationTable.findIndex(({ when }) =>
    (!when.categories || when.categories.includes(verdict.category)) &&
    (!when.risks || when.risks.includes(verdict.risk)) &&
    (!when.flags || when.flags.some((flag) => verdict.flags.includes(flag))),
  );
  const row = recommendationTable[index];
  if (!row) throw new Error(`no recommendation row matches ${verdict.category}/${verdict.risk}; the table's last row must match everything`);
  return { row, index };
}

/**
 * The proxy names counters `state.<tool>.<counter>` and its validator
 * splits that at the first two dots, so a tool whose name holds a dot
 * cannot have a counter (its rate limit would be refused).
 */
export function canCount(toolName: string): boolean {
  return !toolName.includes(".");
}

/** One tool's recommendation: action, numbers and the reason, all from the table. */
export function recommendRule(tool: RecommendableTool): RuleRecommendation {
  const { row, index } = matchingRow(tool.verdict);
  // Required first: of two amounts, the one every call carries is the one to count.
  const amounts = tool.parameters.filter((p) => amountParameterPattern.test(p.name) && /\b(number|integer)\b/.test(p.type));
  const amount = amounts.find((p) => p.required) ?? amounts[0];
  const countable = canCount(tool.name);
  return {
    tool: tool.name,
    category: tool.verdict.category,
    risk: tool.verdict.risk,
    flags: [...tool.verdict.flags],
    action: row.action,
    ...(countable ? { limit: { ...row.limit } } : {}),
    approvalTimeout: row.approvalTimeout,
    ...(row.spendCap && amount && countable ? { spendCap: { ...row.spendCap, parameter: amount.name, required: amount.required } } : {}),
    why: row.why,
    row: index,
  };
}

const windowAdjective: Record<Window, string> = { minute: "per-minute", hour: "hourly", day: "daily" };

export function capRule(limit: RateLimit): Rule {
  return { name: `${windowAdjective[limit.window]} cap`, rate_limit: formatRateLimit(limit) };
}

export function approvalRule(timeout: string): Rule {
  return {
    name: "human approval",
    action: "require_approval",
    approval_timeout: timeout,
    on_deny: "A person must approve this call before it runs.",
  };
}

export function denyRule(): Rule {
  return { name: "blocked", action: "deny", on_deny: "Blocked by policy: agents may not call this tool." };
}

/**
 * The spend cap's rules. The proxy cannot reserve an amount that is not
 * there (the call fails with an internal error), so where the amount is
 * optional a first rule refuses a call without it, with a reason.
 */
export function spendRules(toolName: string, cap: SpendCap): Rule[] {
  return [...(cap.required ? [] : [amountGivenRule(cap)]), spendRule(toolName, cap)];
}

export function amountGivenRule(cap: SpendCap): Rule {
  return {
    name: "amount given",
    conditions: [{ path: `args.${cap.parameter}`, op: "exists", value: true }],
    on_deny: `Give ${cap.parameter}: a call without it (such as a full refund) cannot be counted against the ${windowAdjective[cap.window]} spend cap, so a person must make it.`,
  };
}

export function spendRule(toolName: string, cap: SpendCap): Rule {
  const counter = `spend_per_${cap.window}`;
  return {
    name: `${windowAdjective[cap.window]} spend cap`,
    conditions: [{ path: `state.${toolName}.${counter}`, op: "lte", value: cap.amount }],
    on_deny: `The ${windowAdjective[cap.window]} total of ${cap.parameter} (${cap.amount}) is reached; try again in the next ${cap.window} or ask a person.`,
    state: { counter, window: cap.window, increment_from: `args.${cap.parameter}` },
  };
}

/** The rules a tool gets in the recommended policy (a hidden tool gets none: it is listed under `hide`). */
export function recommendedRules(recommendation: RuleRecommendation): Rule[] {
  const counted = [
    ...(recommendation.limit ? [capRule(recommendation.limit)] : []),
    ...(recommendation.spendCap ? spendRules(recommendation.tool, recommendation.spendCap) : []),
  ];
  switch (recommendation.action) {
    case "allow":
      return counted;
    case "require_approval":
      return [...counted, approvalRule(recommendation.approvalTimeout)];
    case "deny":
      return [denyRule()];
    case "hide":
      return [];
  }
}

/**
 * `Write, Medium risk: <why>` for comments and pages. What it says of a
 * spend cap is read from `rules`, the rules the file gives the tool (by
 * default the recommended ones), so a comment never promises a cap its
 * file does not write.
 */
export function describeRecommendation(recommendation: RuleRecommendation, rules: readonly Rule[] = recommendedRules(recommendation)): string {
  const flags = recommendation.flags.length ? ` (${recommendation.flags.join(", ")})` : "";
  const uncounted = recommendation.limit ? "" : " No cap: the proxy cannot count calls to a tool whose name holds a dot.";
  return `${recommendation.category}, ${recommendation.risk} risk${flags}. ${recommendation.why}${uncounted}${describeSpend(recommendation, rules)}`;
}

/** The spend cap as the rules write it; for a money-moving tool with nothing to count, why there is none. */
function describeSpend(recommendation: RuleRecommendation, rules: readonly Rule[]): string {
  const spend = rules.find((rule) => rule.state?.increment_from !== undefined);
  const counter = spend?.state;
  const limit = spend?.conditions?.find((c) => c.op === "lte")?.value;
  if (counter?.increment_from && typeof limit === "number") {
    const parameter = counter.increment_from.replace(/^args\./, "");
    const guarded = rules.some((rule) => rule.conditions?.some((c) => c.op === "exists" && c.path === counter.increment_from));
    const unguarded = guarded ? ` A call without ${parameter} (such as a full refund) is refused, as it cannot be counted.` : "";
    return ` The ${windowAdjective[counter.window as Window] ?? counter.window} total of ${parameter} is capped at ${limit}, in its own unit.${unguarded}`;
  }
  if (recommendation.category === "Financial" && !recommendation.spendCap && matchingRowHasSpendCap(recommendation)) {
    return " No spend cap: the tool takes no numeric amount argument to add up.";
  }
  return "";
}

const matchingRowHasSpendCap = (recommendation: RuleRecommendation): boolean => recommendationTable[recommendation.row]?.spendCap !== undefined;
