import { cannotEvaluate, evalOperator } from "./condition-operators.ts";
import { counterValue, windowStart, type PolicyState } from "./counter-state.ts";
import { isPlainObject } from "./parse-policy.ts";
import type { Condition, Policy, Rule } from "./policy-schema.ts";
import { WILDCARD } from "./policy-words.ts";
import { counterScope, expandRule } from "./rate-limit.ts";

export interface ToolCall {
  /** The tool's exact name. */
  tool: string;
  /** Arguments as the agent sent them (JSON). */
  arguments?: Record<string, unknown>;
  /** A person approved this call: `require_approval` rules let it through. */
  approved?: boolean;
}

/** `cannot_simulate`: a condition this engine cannot evaluate decides the call, so no outcome is claimed. */
export type Outcome = "allowed" | "denied" | "approval_required" | "cannot_simulate";

export interface Decision {
  outcome: Outcome;
  /** Why: hidden, not listed under `default: deny`, a rule's conditions, a counter at its limit, an approval, or an argument the counter could not read. */
  reason: "allowed" | "hidden" | "not_listed" | "rule" | "counter" | "approval" | "internal_error" | "cannot_simulate";
  /** The rule that decided: the key it sits under (`"*"` for wildcard rules), its index there and its name. */
  rule?: { tool: string; index: number; name: string };
  /** The proxy's message (a rule's `on_deny`, or its default text); for `cannot_simulate`, why not. */
  message?: string;
  /** What the agent receives, with the proxy's prefix. */
  agentText?: string;
  /** Counters after the call (unchanged unless it was allowed). */
  state: PolicyState;
}

export const DENIED_PREFIX = "[INTERCEPT POLICY DENIED]";
export const APPROVAL_PREFIX = "[INTERCEPT APPROVAL REQUIRED]";

export interface PlacedRule {
  rule: Rule;
  tool: string;
  index: number;
}

/**
 * Decides one call the way the proxy does: hide, then `default: deny`,
 * then the tool's rules and the `"*"` rules in order (the first rule that
 * denies decides), then counter reservations, all or nothing. Pure: the
 * state passed in is not changed; the decision carries the new one.
 *
 * `require_approval` (added to the proxy in 2026): a rule of that action
 * whose conditions hold (or that has none) holds the call for a person,
 * unless a later rule denies it outright. Counters are only reserved when
 * the call goes through, so a held call counts once it is `approved`.
 */
export function evaluateCall(policy: Policy, call: ToolCall, state: PolicyState, now: Date): Decision {
  const name = call.tool;
  const args = call.arguments ?? {};
  const hide = policy.hide ?? [];
  if (hide.includes(name) || hide.includes(WILDCARD)) {
    return deny(state, "hidden", `Tool ${goQuote(name)} is hidden by policy`);
  }
  const tools = policy.tools ?? {};
  if (policy.default === "deny" && !Object.hasOwn(tools, name)) {
    return deny(state, "not_listed", `Tool ${goQuote(name)} is not permitted by policy`);
  }

  const rules = applicableRules(policy, name);
  let approval: PlacedRule | undefined;
  let undecidedApproval: { placed: PlacedRule; why: string } | undefined;
  for (const placed of rules) {
    const { rule } = placed;
    if (rule.action === "deny") return deny(state, "rule", denyText(rule), placed);
    if (rule.action === "evaluate") {
      const holds = conditionsHold(rule.conditions ?? [], args, state, now);
      if (holds === false) return deny(state, "rule", denyText(rule), placed);
      // Whether this rule denies is unknown, and the first rule that denies decides.
      if (holds !== true) return cannotSimulate(state, placed, holds.why);
    }
    if (rule.action === "require_approval" && !call.approved && !approval && !undecidedApproval) {
      const holds = conditionsHold(rule.conditions ?? [], args, state, now);
      if (holds === true) approval = placed;
      else if (holds !== false) undecidedApproval = { placed, why: holds.why };
    }
  }
  // A later rule that denies outright decides even so (above); otherwise the held-or-not question stays open.
  if (undecidedApproval) return cannotSimulate(state, undecidedApproval.placed, undecidedApproval.why);
  if (approval) {
    const message = approval.rule.on_deny || `Calls to ${goQuote(name)} need a person's approval (rule ${goQuote(approval.rule.name ?? "")})`;
    return { outcome: "approval_required", reason: "approval", rule: describe(approval), message, agentText: `${APPROVAL_PREFIX} ${message}`, state };
  }

  return reserveCounters(rules, name, args, state, now);
}

/** The tool's own rules, then the `"*"` rules, expanded as the proxy's loader does. */
export function applicableRules(policy: Policy, name: string): PlacedRule[] {
  const tools = policy.tools ?? {};
  const placed: PlacedRule[] = [];
  const add = (key: string) => {
    if (!Object.hasOwn(tools, key)) return;
    (tools[key]?.rules ?? []).forEach((rule, index) => placed.push({ rule: expandRule(rule, key), tool: key, index }));
  };
  add(name);
  if (name !== WILDCARD) add(WILDCARD);
  return placed;
}

function reserveCounters(rules: PlacedRule[], name: string, args: Record<string, unknown>, state: PolicyState, now: Date): Decision {
  const counters = { ...state.counters };
  for (const placed of rules) {
    const block = placed.rule.state;
    if (!block) continue;
    const key = `${counterScope(placed.tool)}.${block.counter ?? ""}`;
    let amount = block.increment || 1;
    if (block.increment_from) {
      const [found, value] = resolveArgument(args, block.increment_from.replace(/^args\./, ""));
      if (!found || typeof value !== "number" || !Number.isFinite(value)) {
        // The proxy cannot reserve and answers with an internal error; the counters stay as they were.
        return deny(state, "internal_error", "Internal policy error", placed);
      }
      amount = Math.trunc(value);
    }
    const limit = counterLimit(placed.rule, key);
    if (limit === undefined) continue;
    const window = block.window ?? "";
    const current = counterValue({ counters }, key, now);
    if (current + amount > limit) {
      return deny(state, "counter", placed.rule.on_deny || `Rate limit exceeded for ${placed.rule.name ?? ""}`, placed);
    }
    counters[key] = { value: current + amount, window, windowStart: windowStart(now, window) };
  }
  return { outcome: "allowed", reason: "allowed", state: { counters } };
}

/** The limit a counter is held to: its own `lte N` (N) or `lt N` (N - 1) condition; none means it is never reserved. */
export function counterLimit(rule: Rule, key: string): number | undefined {
  for (const condition of rule.conditions ?? []) {
    if (condition.path !== `state.${key}` || typeof condition.value !== "number") continue;
    if (condition.op === "lt") return Math.trunc(condition.value) - 1;
    if (condition.op === "lte") return Math.trunc(condition.value);
  }
  return undefined;
}

/** Undecided: a condition this engine cannot evaluate, with no other condition failing. */
interface Undecided {
  why: string;
}

/** AND of the conditions: false as soon as one fails (as in the proxy), undecided if one cannot be evaluated and none fails. */
function conditionsHold(conditions: readonly Condition[], args: Record<string, unknown>, state: PolicyState, now: Date): boolean | Undecided {
  let undecided: Undecided | undefined;
  for (const condition of conditions) {
    const why = cannotEvaluate(condition.op ?? "", condition.value);
    if (why !== undefined) {
      // The proxy's regex fails on an absent or non-string argument whatever the pattern.
      const [found, actual] = resolveArgument(args, (condition.path ?? "").replace(/^args\./, ""));
      if (!(condition.path ?? "").startsWith("args.") || !found || typeof actual !== "string") return false;
      undecided ??= { why };
      continue;
    }
    if (!conditionHolds(condition, args, state, now)) return false;
  }
  return undecided ?? true;
}

function conditionHolds(condition: Condition, args: Record<string, unknown>, state: PolicyState, now: Date): boolean {
  const path = condition.path ?? "";
  let found = false;
  let actual: unknown;
  if (path.startsWith("args.")) [found, actual] = resolveArgument(args, path.slice("args.".length));
  else if (path.startsWith("state.")) [found, actual] = [true, counterValue(state, path.slice("state.".length), now)];
  if (condition.op === "exists") {
    return typeof condition.value === "boolean" && (found && actual !== null) === condition.value;
  }
  return found && evalOperator(condition.op ?? "", actual, condition.value);
}

/** `config.nested.key` through nested objects; lists are not descended into, as in the proxy. */
export function resolveArgument(args: Record<string, unknown>, dotted: string): [boolean, unknown] {
  let current: unknown = args;
  for (const part of dotted.split(".")) {
    if (!isPlainObject(current) || !Object.hasOwn(current, part)) return [false, undefined];
    current = current[part];
  }
  return [true, current];
}

function cannotSimulate(state: PolicyState, placed: PlacedRule, why: string): Decision {
  return { outcome: "cannot_simulate", reason: "cannot_simulate", rule: describe(placed), message: `cannot simulate this rule: ${why}`, state };
}

function denyText(rule: Rule): string {
  return rule.on_deny || `Denied by rule ${goQuote(rule.name ?? "")}`;
}

function deny(state: PolicyState, reason: Decision["reason"], message: string, placed?: PlacedRule): Decision {
  return {
    outcome: "denied",
    reason,
    ...(placed ? { rule: describe(placed) } : {}),
    message,
    agentText: `${DENIED_PREFIX} ${message}`,
    state,
  };
}

function describe(placed: PlacedRule): NonNullable<Decision["rule"]> {
  return { tool: placed.tool, index: placed.index, name: placed.rule.name ?? "" };
}

/** Go's %q for the proxy's own messages. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}
