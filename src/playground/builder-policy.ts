/**
 * Browser-safe: the server policy builder's model. One row per tool,
 * prefilled from `recommendRule`, turned into a policy object with the
 * same rule builders the recommendations use, then rendered with
 * `renderPolicy`: no YAML is written by hand.
 */
import type { Category, Risk, VerdictFlag } from "../classify/verdict-schema.ts";
// From the modules themselves, not policy/index.ts: the builder page writes
// policies and loads neither the schema library nor the YAML parser.
import { setOwn } from "../policy/own-property.ts";
import type { Policy, Rule, ToolPolicy } from "../policy/policy-schema.ts";
import type { Window } from "../policy/policy-words.ts";
import type { RateLimit } from "../policy/rate-limit.ts";
import { globalLimitRow } from "../policy/recommendation-table.ts";
import { approvalRule, canCount, capRule, denyRule, describeRecommendation, recommendRule, spendRules, type RuleRecommendation } from "../policy/recommend-rule.ts";

/** What the builder can do with one tool. */
export const builderActions = ["allow", "rate_limit", "require_approval", "deny", "hide"] as const;
export type BuilderAction = (typeof builderActions)[number];

export const actionLabels: Record<BuilderAction, string> = {
  allow: "Allow",
  rate_limit: "Rate limit",
  require_approval: "Require approval",
  deny: "Deny",
  hide: "Hide",
};

/** Approval timeouts offered; each is a Go duration the proxy accepts. */
export const approvalTimeouts = ["1m", "5m", "10m", "15m", "30m", "1h", "2h", "4h", "8h", "24h"] as const;
export const MAX_LIMIT_COUNT = 1_000_000;

/** A catalog tool as the builder needs it; `verdict` is absent while the tool is unclassified. */
export interface BuilderTool {
  name: string;
  parameters: ReadonlyArray<{ name: string; type: string; required: boolean }>;
  verdict?: { category: Category; risk: Risk; flags: VerdictFlag[] };
}

export interface BuilderRow {
  tool: string;
  category?: Category;
  risk?: Risk;
  action: BuilderAction;
  /** The cap for `rate_limit`, also kept beside an approval. */
  limit: RateLimit;
  approvalTimeout: string;
  /** False when the name holds a dot: the proxy cannot count its calls, so it gets no cap. */
  countable: boolean;
  /** Daily amount cap for money-moving tools with an amount argument, kept with a limit or an approval. */
  spendCap?: NonNullable<RuleRecommendation["spendCap"]>;
  /** The recommendation this row started from (absent for unclassified tools). */
  recommendation?: RuleRecommendation;
}

export interface BuilderSettings {
  default: "allow" | "deny";
  /** A cap on all calls together, under `"*"`. */
  globalLimit?: RateLimit;
  description?: string;
}

/** The key of rules that apply to every call. */
const WILDCARD = "*";

const fallbackLimit: RateLimit = { count: 60, window: "minute" };

/** One row per addressable tool (not `"*"`, not empty, first of duplicates), in code-point order. */
export function initialRows(tools: readonly BuilderTool[]): BuilderRow[] {
  const seen = new Set<string>();
  return tools
    .filter((tool) => tool.name !== "" && tool.name !== WILDCARD && !seen.has(tool.name) && seen.add(tool.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((tool) => {
      const countable = canCount(tool.name);
      if (!tool.verdict) return { tool: tool.name, action: "allow", limit: { ...fallbackLimit }, approvalTimeout: "10m", countable };
      const recommendation = recommendRule({ name: tool.name, parameters: tool.parameters, verdict: tool.verdict });
      const action: BuilderAction = recommendation.action === "allow" ? (recommendation.limit ? "rate_limit" : "allow") : recommendation.action;
      return {
        tool: tool.name,
        category: tool.verdict.category,
        risk: tool.verdict.risk,
        action,
        limit: { ...(recommendation.limit ?? fallbackLimit) },
        approvalTimeout: recommendation.approvalTimeout,
        countable,
        ...(recommendation.spendCap ? { spendCap: recommendation.spendCap } : {}),
        recommendation,
      };
    });
}

/** The actions a row offers: no rate limit for a tool the proxy cannot count. */
export function actionsFor(row: Pick<BuilderRow, "countable">): BuilderAction[] {
  return builderActions.filter((action) => row.countable || action !== "rate_limit");
}

export interface BulkTarget {
  by: "category" | "risk";
  value: string;
}

/** Sets `action` on every row of a category or risk; rows that cannot take it (a rate limit on an uncountable tool) are left as they are. */
export function applyBulk(rows: readonly BuilderRow[], target: BulkTarget, action: BuilderAction): { rows: BuilderRow[]; changed: number; matched: number } {
  let changed = 0;
  let matched = 0;
  const next = rows.map((row) => {
    if (row[target.by] !== target.value) return row;
    matched++;
    if (!actionsFor(row).includes(action) || row.action === action) return row;
    changed++;
    return { ...row, action };
  });
  return { rows: next, changed, matched };
}

/** A whole number from 1 to MAX_LIMIT_COUNT, or undefined. */
export function readLimitCount(text: string): number | undefined {
  if (!/^\s*\d{1,7}\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= MAX_LIMIT_COUNT ? n : undefined;
}

/** What is wrong with a typed limit, for the message beside the field; undefined when it reads. */
export function limitCountProblem(text: string): string | undefined {
  if (readLimitCount(text) !== undefined) return undefined;
  const typed = text.trim() === "" ? "An empty limit" : `${JSON.stringify(text.trim().slice(0, 20))}`;
  return `${typed} is not a whole number from 1 to ${MAX_LIMIT_COUNT.toLocaleString("en-US")}.`;
}

/** The rules one row produces; hidden tools get none (they go under `hide`). */
export function rowRules(row: BuilderRow): Rule[] {
  const counted = row.countable
    ? [capRule(row.limit), ...(row.spendCap ? spendRules(row.tool, row.spendCap) : [])]
    : [];
  switch (row.action) {
    case "allow":
      return [];
    case "rate_limit":
      return counted;
    case "require_approval":
      return [...counted, approvalRule(row.approvalTimeout)];
    case "deny":
      return [denyRule()];
    case "hide":
      return [];
  }
}

/** The policy and per-tool comments for `renderPolicy(policy, { comments })`. */
export function builderPolicy(rows: readonly BuilderRow[], settings: BuilderSettings): { policy: Policy; comments: Record<string, string> } {
  const tools: Record<string, ToolPolicy> = {};
  const comments: Record<string, string> = {};
  const hide: string[] = [];
  for (const row of rows) {
    if (row.action === "hide") hide.push(row.tool);
    else setOwn(tools, row.tool, { rules: rowRules(row) });
    setOwn(comments, row.tool, rowComment(row));
  }
  if (settings.globalLimit) {
    tools[WILDCARD] = { rules: [{ ...capRule(settings.globalLimit), name: "all calls cap" }] };
    comments[WILDCARD] = `Every tool. ${globalLimitRow.why}`;
  }
  const policy: Policy = {
    version: "1",
    ...(settings.description ? { description: settings.description } : {}),
    default: settings.default,
    ...(hide.length ? { hide } : {}),
    tools,
  };
  return { policy, comments };
}

/** The recommendation's own words while the row follows it; otherwise what was chosen instead. */
export function rowComment(row: BuilderRow): string {
  const recommendation = row.recommendation;
  if (!recommendation) return `Not classified yet; set to ${actionLabels[row.action].toLowerCase()} in the policy builder.`;
  if (sameAsRecommended(row, recommendation)) return describeRecommendation(recommendation, rowRules(row));
  return `${recommendation.category}, ${recommendation.risk} risk. Set to ${actionLabels[row.action].toLowerCase()} in the policy builder (recommended: ${actionLabels[recommendedAction(recommendation)].toLowerCase()}).`;
}

function recommendedAction(recommendation: RuleRecommendation): BuilderAction {
  return recommendation.action === "allow" ? (recommendation.limit ? "rate_limit" : "allow") : recommendation.action;
}

function sameAsRecommended(row: BuilderRow, recommendation: RuleRecommendation): boolean {
  if (row.action !== recommendedAction(recommendation)) return false;
  const limited = row.action === "rate_limit" || row.action === "require_approval";
  const limitSame = !limited || !recommendation.limit || (row.limit.count === recommendation.limit.count && row.limit.window === recommendation.limit.window);
  return limitSame && (row.action !== "require_approval" || row.approvalTimeout === recommendation.approvalTimeout);
}

export const windowsOffered: readonly Window[] = ["minute", "hour", "day"];
