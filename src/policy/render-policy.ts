import type { Condition, Policy, Rule, StateBlock } from "./policy-schema.ts";
import { codePointOrder, WILDCARD } from "./policy-words.ts";
import { setOwn } from "./own-property.ts";
import { writeBlock, writeEntry } from "./yaml-writer.ts";

export interface RenderOptions {
  /** A short comment per tool key (and `"*"`), written above it; a `description` comment may head the file. */
  comments?: Record<string, string>;
  /** A comment for the top of the file. */
  header?: string;
}

const ruleKeys = ["name", "action", "rate_limit", "conditions", "approval_timeout", "on_deny", "state"] as const;
const conditionKeys = ["path", "op", "value"] as const;
const stateKeys = ["counter", "window", "increment", "increment_from"] as const;

/**
 * Stable YAML for a policy: fixed key order, tools in code-point order
 * with `"*"` last (where the proxy evaluates it), every string quoted
 * when it needs to be, so `parsePolicy(renderPolicy(p)).policy` equals `p`
 * whatever characters the tool names hold.
 */
export function renderPolicy(policy: Policy, options: RenderOptions = {}): string {
  const comments = options.comments ?? {};
  const commentFor = (key: string) => (Object.hasOwn(comments, key) ? commentText(comments[key]!) : undefined);
  const lines: string[] = options.header ? [`#${commentText(options.header)}`, ""] : [];
  const { hide, tools, ...rest } = ordered(policy);
  writeBlock(lines, "", rest);
  if (hide !== undefined) writeEntryWithComments(lines, "hide", hide as string[], commentFor);
  if (tools !== undefined) writeEntryWithComments(lines, "tools", tools as Record<string, unknown>, commentFor);
  if (lines.length === (options.header ? 2 : 0)) lines.push("{}");
  return `${lines.join("\n")}\n`;
}

/** `hide` and `tools` carry a comment line above each tool name. */
function writeEntryWithComments(lines: string[], key: string, value: string[] | Record<string, unknown>, commentFor: (key: string) => string | undefined): void {
  const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
  if (empty) {
    writeEntry(lines, "", key, value);
    return;
  }
  lines.push(`${key}:`);
  writeBlock(lines, "  ", value, commentFor);
}

function ordered(policy: Policy): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (policy.version !== undefined) out.version = policy.version;
  if (policy.description !== undefined) out.description = policy.description;
  if (policy.default !== undefined) out.default = policy.default;
  if (policy.hide !== undefined) out.hide = [...policy.hide];
  if (policy.tools !== undefined) {
    const tools: Record<string, unknown> = {};
    const names = Object.keys(policy.tools).sort((a, b) => (a === WILDCARD ? 1 : b === WILDCARD ? -1 : codePointOrder(a, b)));
    for (const name of names) {
      const tool = policy.tools[name] ?? {};
      setOwn(tools, name, tool.rules === undefined ? {} : { rules: tool.rules.map(orderedRule) });
    }
    out.tools = tools;
  }
  return out;
}

function orderedRule(rule: Rule): Record<string, unknown> {
  const out = pick(rule, ruleKeys);
  if (rule.conditions) out.conditions = rule.conditions.map((c: Condition) => pick(c, conditionKeys));
  if (rule.state) out.state = pick(rule.state as StateBlock, stateKeys);
  return out;
}

function pick<T extends object>(source: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** One line, no control characters: a tool's text can never break out of its comment. */
function commentText(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
  return ` ${line.length > 400 ? `${line.slice(0, 399)}…` : line}`;
}
