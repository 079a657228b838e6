import { z } from "zod";
import { operators, ruleActions, windows } from "./policy-words.ts";

export { GLOBAL_SCOPE, operators, ruleActions, WILDCARD, windows, type Operator, type RuleAction, type Window } from "./policy-words.ts";

/**
 * The Intercept policy file (YAML, version "1") as the proxy's loader reads
 * it: every field has the type the Go structs give it, and nothing more.
 * What the proxy's validator rejects on top of this (names, operators,
 * windows...) is checked in validate-policy.ts, so one broken rule is
 * reported next to every other problem instead of hiding them.
 */

export const conditionSchema = z.object({
  /** `args.<argument>` (dotted for nesting) or `state.<scope>.<counter>`. */
  path: z.string().optional(),
  /** One of `operators`. */
  op: z.string().optional(),
  /** What the value at `path` is compared with; its type depends on `op`. */
  value: z.unknown(),
});
export type Condition = z.infer<typeof conditionSchema>;

export const stateBlockSchema = z.object({
  /** Counter name, unique within the tool; read as `state.<tool>.<counter>`. */
  counter: z.string().optional(),
  /** `minute`, `hour` or `day`. */
  window: z.string().optional(),
  /** Added on each allowed call; 1 when omitted or 0. */
  increment: z.number().int().optional(),
  /** `args.<argument>` whose value is added instead of `increment` (spend caps). */
  increment_from: z.string().optional(),
});
export type StateBlock = z.infer<typeof stateBlockSchema>;

export const ruleSchema = z.object({
  /** Required by the validator; shown in decisions. */
  name: z.string().optional(),
  /** `evaluate` (default), `deny` or `require_approval`. */
  action: z.string().optional(),
  /** Shorthand `N/window`, expanded to a counter rule. */
  rate_limit: z.string().optional(),
  /** All must hold (AND) for an `evaluate` rule to let the call through. */
  conditions: z.array(conditionSchema).optional(),
  /** How long a `require_approval` call waits for a person, as a Go duration (`10m`, `2h`). */
  approval_timeout: z.string().optional(),
  /** Text the agent receives when this rule stops a call. */
  on_deny: z.string().optional(),
  /** A counter this rule reserves on every call it applies to. */
  state: stateBlockSchema.optional(),
});
export type Rule = z.infer<typeof ruleSchema>;

export const toolPolicySchema = z.object({
  /** Checked in order; `rules: []` lists the tool with no checks (allowed under `default: deny`). */
  rules: z.array(ruleSchema).optional(),
});
export type ToolPolicy = z.infer<typeof toolPolicySchema>;

export const policySchema = z.object({
  /** Must be "1". */
  version: z.string().optional(),
  /** Free text. */
  description: z.string().optional(),
  /** `allow` (when omitted) or `deny`: what happens to tools that are not keys of `tools`. */
  default: z.string().optional(),
  /** Tools removed from `tools/list` and denied on call; `"*"` hides every tool. */
  hide: z.array(z.string()).optional(),
  /** Exact tool names, or `"*"` for rules applied to every call after the tool's own. */
  tools: z.record(z.string(), toolPolicySchema).optional(),
});
export type Policy = z.infer<typeof policySchema>;

/** Keys each object of the format knows; anything else is ignored by the proxy. */
export const knownKeys = {
  policy: Object.keys(policySchema.shape),
  tool: Object.keys(toolPolicySchema.shape),
  rule: Object.keys(ruleSchema.shape),
  condition: Object.keys(conditionSchema.shape),
  state: Object.keys(stateBlockSchema.shape),
} as const;
