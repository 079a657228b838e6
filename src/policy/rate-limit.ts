import type { Rule } from "./policy-schema.ts";
import { GLOBAL_SCOPE, WILDCARD, windows, type Window } from "./policy-words.ts";

export interface RateLimit {
  count: number;
  window: Window;
}

export type RateLimitParse = { ok: true; limit: RateLimit } | { ok: false; message: string };

/** `5/hour` → 5 per hour, with the proxy's own error texts otherwise. */
export function parseRateLimit(text: string): RateLimitParse {
  const slash = text.indexOf("/");
  if (slash === -1) {
    return { ok: false, message: `rate_limit must be in the format "N/window" (e.g. "5/hour"), got ${JSON.stringify(text)}` };
  }
  const countText = text.slice(0, slash);
  const window = text.slice(slash + 1);
  // Go's strconv.Atoi: optional sign, decimal digits, fits in 64 bits.
  const count = /^[+-]?\d{1,18}$/.test(countText) ? Number(countText) : NaN;
  if (!Number.isSafeInteger(count) || count <= 0) {
    return { ok: false, message: `rate_limit count must be a positive integer, got ${JSON.stringify(countText)}` };
  }
  if (!isWindow(window)) {
    return { ok: false, message: `rate_limit window must be "minute", "hour", or "day", got ${JSON.stringify(window)}` };
  }
  return { ok: true, limit: { count, window } };
}

export function formatRateLimit(limit: RateLimit): string {
  return `${limit.count}/${limit.window}`;
}

export function isWindow(value: unknown): value is Window {
  return (windows as readonly unknown[]).includes(value);
}

/** The scope a tool's counters live in: the tool's own name, or `_global` for `"*"`. */
export function counterScope(toolKey: string): string {
  return toolKey === WILDCARD ? GLOBAL_SCOPE : toolKey;
}

/**
 * The rule as the proxy runs it: `rate_limit: N/window` becomes an
 * `evaluate` rule on counter `_rate_<window>` with `lte N`, exactly when
 * the proxy's loader would expand it (no conditions, no state, not deny).
 * An omitted action becomes `evaluate`; an increment of 0 becomes 1.
 */
export function expandRule(rule: Rule, toolKey: string): Rule {
  if (rule.rate_limit && !rule.conditions?.length && !rule.state && rule.action !== "deny") {
    const parsed = parseRateLimit(rule.rate_limit);
    if (parsed.ok) {
      const { count, window } = parsed.limit;
      const counter = `_rate_${window}`;
      const { rate_limit: _shorthand, ...rest } = rule;
      return {
        ...rest,
        action: "evaluate",
        conditions: [{ path: `state.${counterScope(toolKey)}.${counter}`, op: "lte", value: count }],
        state: { counter, window, increment: 1 },
        on_deny: rule.on_deny || `Rate limit of ${count} per ${window} reached. Try again later.`,
      };
    }
  }
  const action = rule.action || "evaluate";
  const state = rule.state && !rule.state.increment ? { ...rule.state, increment: 1 } : rule.state;
  // Already in the loader's form (the engine expands on every call): no copy.
  if (action === rule.action && state === rule.state) return rule;
  return { ...rule, action, ...(state ? { state } : {}) };
}
