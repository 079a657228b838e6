import { cannotEvaluate, evalOperator } from "./condition-operators.ts";
import { counterValue, windowReset, type PolicyState } from "./counter-state.ts";
import { applicableRules, counterLimit, resolveArgument, type Decision, type PlacedRule, type ToolCall } from "./evaluate-call.ts";
import type { Condition, Policy } from "./policy-schema.ts";
import { WILDCARD } from "./policy-words.ts";
import { counterScope } from "./rate-limit.ts";

/**
 * Why `evaluateCall` decided as it did, in sentences a person can check
 * against the policy: the rules in the order the proxy checks them, each
 * condition with the value it saw, each counter with its count, limit and
 * reset, and the outcome. Plain strings, so a worker can post them and the
 * page shows them as text. `state` is the state before the call.
 */
export function explainCall(policy: Policy, call: ToolCall, state: PolicyState, now: Date, decision: Decision): string[] {
  const name = call.tool;
  const args = call.arguments ?? {};
  if (decision.reason === "hidden") {
    const entry = (policy.hide ?? []).includes(name) ? name : WILDCARD;
    return [`Hidden: ${quote(entry)} is in the hide list, so the agent never sees this tool; no rule is checked.`];
  }
  if (decision.reason === "not_listed") {
    return [`default: deny, and tools has no key ${quote(name)}: every call of an unlisted tool is denied; no rule is checked.`];
  }
  const rules = applicableRules(policy, name);
  const lines: string[] = [];
  const own = Object.hasOwn(policy.tools ?? {}, name);
  lines.push(
    rules.length === 0
      ? `No rules apply: ${own ? `tools.${quote(name)} has none` : `tools has no key ${quote(name)}`} and no "*" rules; default: ${policy.default ?? "allow"} lets listed and unlisted calls through.`
      : `Matched ${own ? `tools.${quote(name)}` : `no key of its own (default: ${policy.default ?? "allow"})`}${rules.some((r) => r.tool === WILDCARD) ? ` and the "*" rules` : ""}: ${rules.length} rule${rules.length === 1 ? "" : "s"}, checked in order.`,
  );
  for (const placed of rules) {
    lines.push(...explainRule(placed, args, state, now, call.approved === true));
    // An approval rule does not stop the walk: a later rule that denies still decides.
    if (decides(decision, placed) && placed.rule.action !== "require_approval") break;
  }
  if (decision.outcome === "allowed" || decision.reason === "counter" || decision.reason === "internal_error") {
    lines.push(...explainCounters(rules, state, now, decision));
  }
  lines.push(outcomeLine(decision, call));
  return lines;
}

function explainRule(placed: PlacedRule, args: Record<string, unknown>, state: PolicyState, now: Date, approved: boolean): string[] {
  const { rule } = placed;
  const action = rule.action ?? "evaluate";
  const head = `${ruleName(placed)}, action ${action}`;
  if (action === "deny") return [`${head}: denies every call it sees.`];
  const conditions = rule.conditions ?? [];
  if (action === "require_approval" && approved) return [`${head}: the call is approved, so the rule lets it through.`];
  if (conditions.length === 0) {
    return [action === "require_approval" ? `${head}: no conditions, so the call waits for a person.` : `${head}: no conditions, so it holds.`];
  }
  const lines = [`${head}: ${conditions.length} condition${conditions.length === 1 ? "" : "s"}, all must hold.`];
  for (const [i, condition] of conditions.entries()) {
    const result = explainCondition(condition, args, state, now);
    lines.push(`  ${result.text}`);
    if (result.holds === false) {
      if (i < conditions.length - 1) lines.push(`  The other ${conditions.length - 1 - i} condition${conditions.length - 1 - i === 1 ? " is" : "s are"} not checked: one failed.`);
      break;
    }
  }
  return lines;
}

interface ConditionResult {
  holds: boolean | undefined;
  text: string;
}

function explainCondition(condition: Condition, args: Record<string, unknown>, state: PolicyState, now: Date): ConditionResult {
  const path = condition.path ?? "";
  const op = condition.op ?? "";
  const wanted = `${path} ${op} ${showValue(condition.value)}`;
  let found = false;
  let actual: unknown;
  if (path.startsWith("args.")) [found, actual] = resolveArgument(args, path.slice("args.".length));
  else if (path.startsWith("state.")) [found, actual] = [true, counterValue(state, path.slice("state.".length), now)];
  const seen = found ? `saw ${showValue(actual)}` : "the argument is absent";
  const why = cannotEvaluate(op, condition.value);
  if (why !== undefined && found && typeof actual === "string") {
    return { holds: undefined, text: `${wanted}: ${seen}; cannot simulate (${why}).` };
  }
  let holds: boolean;
  if (op === "exists") holds = typeof condition.value === "boolean" && (found && actual !== null) === condition.value;
  else holds = found && why === undefined && evalOperator(op, actual, condition.value);
  return { holds, text: `${wanted}: ${seen}; ${holds ? "holds" : "fails"}.` };
}

function explainCounters(rules: readonly PlacedRule[], state: PolicyState, now: Date, decision: Decision): string[] {
  const lines: string[] = [];
  for (const placed of rules) {
    const block = placed.rule.state;
    if (!block) continue;
    const key = `${counterScope(placed.tool)}.${block.counter ?? ""}`;
    const limit = counterLimit(placed.rule, key);
    const window = block.window ?? "";
    const reset = windowReset(now, window);
    const by = block.increment_from ? `by ${block.increment_from}` : `by ${block.increment || 1}`;
    const count = counterValue(state, key, now);
    const resets = reset ? `, resets at ${reset.slice(0, 10)} ${reset.slice(11, 19)} UTC` : "";
    if (limit === undefined) {
      lines.push(`Counter ${key}: no lte/lt condition on it, so it is never reserved (count ${count}).`);
      continue;
    }
    const after = decision.outcome === "allowed" ? ` → ${counterValue(decision.state, key, now)}` : "";
    lines.push(`Counter ${key} (${window} window, ${by}): count ${count}${after} of limit ${limit}${resets}.`);
    if (decides(decision, placed)) break;
  }
  return lines;
}

function outcomeLine(decision: Decision, call: ToolCall): string {
  const rule = decision.rule ? ruleName(decision.rule) : "";
  switch (decision.reason) {
    case "allowed":
      return "Allowed: no rule denied the call and every counter it touches had room.";
    case "rule":
      return `Denied by ${rule}: the first rule that denies decides; later rules are not checked.`;
    case "counter":
      return `Denied by ${rule}: this call would take its counter past the limit; no counter is reserved.`;
    case "internal_error":
      return `Denied by ${rule}: its counter counts by an argument that is absent or not a number, which the proxy answers with an internal error.`;
    case "approval":
      return `Held for approval by ${rule}: a person must approve it (the call is${call.approved ? "" : " not"} marked approved); no later rule denied it.`;
    case "cannot_simulate":
      return `Cannot simulate: ${rule} has a condition this simulator cannot evaluate the way the proxy does, and no earlier rule decided; the proxy decides this call.`;
    default:
      return `${decision.outcome} (${decision.reason}).`;
  }
}

function decides(decision: Decision, placed: PlacedRule): boolean {
  return decision.rule !== undefined && decision.rule.tool === placed.tool && decision.rule.index === placed.index;
}

function ruleName(placed: { tool: string; index: number; rule?: { name?: string }; name?: string }): string {
  const name = placed.rule?.name ?? placed.name ?? "";
  const where = placed.tool === WILDCARD ? `"*" rules[${placed.index}]` : `tools.${quote(placed.tool)} rules[${placed.index}]`;
  return `rule "${name}" (${where})`;
}

/** Values from agents are untrusted and can be huge: JSON, cut short. */
function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function quote(name: string): string {
  return JSON.stringify(name);
}
