/**
 * The words of the Intercept policy format: windows, actions, operators and
 * the two special names. Plain constants with no schema library, so browser
 * code that only writes policies (the policy builder) loads none;
 * policy-schema.ts builds the schema from them.
 */

/** Counter windows, fixed and aligned to the UTC calendar. */
export const windows = ["minute", "hour", "day"] as const;
export type Window = (typeof windows)[number];

/** Rule actions; `evaluate` is what an omitted action means. */
export const ruleActions = ["evaluate", "deny", "require_approval"] as const;
export type RuleAction = (typeof ruleActions)[number];

/** Condition operators, as the proxy spells them. */
export const operators = ["eq", "neq", "in", "not_in", "lt", "lte", "gt", "gte", "regex", "contains", "exists"] as const;
export type Operator = (typeof operators)[number];

/** The scope counters of `"*"` rules live in: `state._global.<counter>`. */
export const GLOBAL_SCOPE = "_global";
export const WILDCARD = "*";

/** A stable order for tool names that no locale changes (JavaScript's own string comparison). */
export function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
